import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Order, PickupInput } from '../../features/drive-admin/model'
import { todayIso } from '../../dates'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain } from '../../test/http'
import { members, order, press, slotAt } from '../../test/driveAdmin'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const hour = 3600_000
const now = Date.now()
const over = slotAt(new Date(now - 2 * hour), 30)
const next = slotAt(new Date(now + hour), 30)
const afterThat = slotAt(new Date(now + 2 * hour), 30)

/** Today's slots and their orders as the server knows them, with each pickup received. */
function serveDay(orders: Order[]) {
  const state = { orders }
  const asked: { slots: URLSearchParams[]; orders: URLSearchParams[] } = { slots: [], orders: [] }
  const pickups: { key: string | null; body: PickupInput }[] = []
  server.use(
    http.get(api('/pickup-slots'), ({ request }) => {
      asked.slots.push(new URL(request.url).searchParams)
      return HttpResponse.json({ items: [over, next, afterThat] })
    }),
    http.get(api('/orders'), ({ request }) => {
      const query = new URL(request.url).searchParams
      asked.orders.push(query)
      const q = query.get('q')?.toLowerCase()
      const items = state.orders
        .filter((o) => !query.get('slotId') || o.slot.id === query.get('slotId'))
        .filter((o) => !q || `${o.memberName} ${o.memberNumber}`.toLowerCase().includes(q))
      return HttpResponse.json({ items, nextCursor: null })
    }),
    http.post(api('/orders/:id/pickup'), async ({ request, params }) => {
      const key = request.headers.get('Idempotency-Key')
      const body = (await request.json()) as PickupInput
      pickups.push({ key, body })
      const picked = state.orders.find((o) => o.id === params.id)!
      // Like the server: the same key hands the basket over once.
      const done: Order = {
        ...picked,
        status: 'PICKED_UP',
        pickedUpAt: new Date().toISOString(),
        paidCents: body.payment?.amountCents ?? null,
      }
      state.orders = state.orders.map((o) => (o.id === done.id ? done : o))
      return HttpResponse.json(done)
    }),
  )
  return { state, asked, pickups }
}

async function search(wrapper: Awaited<ReturnType<typeof renderApp>>, text: string) {
  await wrapper.get('input[type="search"]').setValue(text)
  await new Promise((resolve) => setTimeout(resolve, 350))
  await flushPromises()
}

const chooseMethod = (wrapper: Awaited<ReturnType<typeof renderApp>>, label: string) =>
  wrapper.findAll('.methods button').find((b) => b.text() === label)!.trigger('click')

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the pickup screen', () => {
  it("opens on today's slot under way or next, with its orders", async () => {
    const { asked } = serveDay([order(next, members.alice), order(next, members.bruno), order(over, members.bruno)])
    const wrapper = await renderApp('/gestion/retrait')

    expect(wrapper.get('h1').text()).toBe('Retrait des paniers')
    expect(Object.fromEntries(asked.slots[0]!)).toEqual({ from: todayIso(), to: todayIso() })
    const pressed = wrapper.get('[data-testid="pickup-slots"] [aria-pressed="true"]')
    const time = (instant: string) => new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }).format(new Date(instant))
    expect(pressed.text()).toBe(`${time(next.startsAt)}–${time(next.endsAt)}`)
    expect(Object.fromEntries(asked.orders[0]!)).toEqual({ slotId: next.id, limit: '200' })
    expect(wrapper.findAll('.order .name').map((n) => n.text())).toEqual(['Alice Martin', 'Bruno Moreau'])

    await wrapper.findAll('[data-testid="pickup-slots"] button').at(-1)!.trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-testid="pickup-slots"] button').at(-1)!.text()).toBe('Toute la journée')
    expect(Object.fromEntries(asked.orders.at(-1)!)).toEqual({ day: todayIso(), limit: '200' })
    expect(wrapper.findAll('.order')).toHaveLength(3)
  })

  it('finds a member by number and shows the basket, its total and the household no-shows', async () => {
    serveDay([order(next, members.alice, { householdNoShows: 2 }), order(next, members.bruno)])
    const wrapper = await renderApp('/gestion/retrait')

    await search(wrapper, 'A-0003')

    const panel = wrapper.get('[data-testid="pickup-panel"]')
    expect(panel.get('h2').text()).toBe('Alice Martin')
    expect(panel.text()).toContain('A-0003')
    expect(plain(panel.text())).toContain('Miel de fleurs2')
    expect(plain(panel.text())).toContain('Pommes Reinette1,5 kg4,80 €')
    expect(plain(panel.get('[data-testid="order-total"]').text())).toBe('22,60 €')
    expect(panel.get('[data-testid="no-shows"]').text()).toBe('2 paniers non retirés par ce foyer')
    expect(plain(panel.get<HTMLInputElement>('input#pickup-amount').element.value)).toBe('22,60 €')
  })

  it('records the pickup and its payment in one call, and the order then shows "Retirée"', async () => {
    const { pickups } = serveDay([order(next, members.alice)])
    const wrapper = await renderApp('/gestion/retrait')
    await wrapper.get('.order').trigger('click')

    await press('Marquer comme retirée')
    expect(pickups).toHaveLength(0)
    expect(wrapper.get('#pickup-method-error').text()).toBe('Choisissez le moyen de paiement.')

    await chooseMethod(wrapper, 'Chèque')
    await wrapper.get('input#pickup-reference').setValue('n° 1234567')
    await press('Marquer comme retirée')

    expect(pickups).toEqual([
      { key: expect.stringMatching(/^[0-9a-f-]{32,36}$/), body: { payment: { amountCents: 2260, method: 'CHEQUE', reference: 'n° 1234567' } } },
    ])
    const panel = wrapper.get('[data-testid="pickup-panel"]')
    expect(panel.get('[data-testid="order-status"]').text()).toBe('Retirée')
    expect(plain(panel.get('[data-testid="picked-up"]').text())).toContain('Payé 22,60 €.')
    expect(panel.find('form').exists()).toBe(false)
    expect(wrapper.get('.order [data-testid="order-status"]').text()).toBe('Retirée')
    expect(document.body.textContent).toContain('Alice Martin : commande retirée')
  })

  it('retries with the same Idempotency-Key when the answer got lost', async () => {
    const { pickups } = serveDay([order(next, members.alice)])
    server.use(http.post(api('/orders/:id/pickup'), () => HttpResponse.error(), { once: true }))
    const keys: (string | null)[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key'))
    })
    const wrapper = await renderApp('/gestion/retrait')
    await wrapper.get('.order').trigger('click')
    await chooseMethod(wrapper, 'Espèces')

    await press('Marquer comme retirée')
    expect(wrapper.get('[role="alert"]').text()).toContain('Le serveur ne répond pas')
    expect(wrapper.get('[data-testid="pickup-panel"] [data-testid="order-status"]').text()).toBe('Commandée')
    await press('Marquer comme retirée')

    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    expect(pickups.map((p) => p.key)).toEqual([keys[0]])
    expect(pickups[0]!.body).toEqual({ payment: { amountCents: 2260, method: 'CASH', reference: null } })
    expect(wrapper.get('[data-testid="pickup-panel"] [data-testid="order-status"]').text()).toBe('Retirée')
    server.events.removeAllListeners()
  })

  it('sends another key once the payment changed after a failure', async () => {
    const { pickups } = serveDay([order(next, members.alice)])
    server.use(http.post(api('/orders/:id/pickup'), () => HttpResponse.error(), { once: true }))
    const keys: (string | null)[] = []
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key'))
    })
    const wrapper = await renderApp('/gestion/retrait')
    await wrapper.get('.order').trigger('click')
    await chooseMethod(wrapper, 'Espèces')
    await press('Marquer comme retirée')

    await chooseMethod(wrapper, 'Carte')
    await press('Marquer comme retirée')

    expect(keys).toHaveLength(2)
    expect(keys[1]).not.toBe(keys[0])
    expect(pickups[0]!.body.payment?.method).toBe('CARD')
    server.events.removeAllListeners()
  })

  it('hands a basket over without payment when the household pays later', async () => {
    const { pickups } = serveDay([order(next, members.alice)])
    const wrapper = await renderApp('/gestion/retrait')
    await wrapper.get('.order').trigger('click')

    await wrapper.get('input#pickup-later').setValue(true)
    expect(wrapper.find('input#pickup-amount').exists()).toBe(false)
    await press('Marquer comme retirée')

    expect(pickups.map((p) => p.body)).toEqual([{ payment: null }])
    expect(wrapper.get('[data-testid="picked-up"]').text()).toContain(
      'Aucun paiement enregistré : la commande est portée au compte du foyer.',
    )
  })

  it('offers nothing to hand over for a cancelled order', async () => {
    serveDay([order(next, members.alice, { status: 'CANCELLED', cancelReason: 'Créneau annulé' })])
    const wrapper = await renderApp('/gestion/retrait')
    await wrapper.get('.order').trigger('click')

    const panel = wrapper.get('[data-testid="pickup-panel"]')
    expect(panel.get('[data-testid="order-status"]').text()).toBe('Annulée')
    expect(panel.text()).toContain("Cette commande n'est pas à remettre. Raison : Créneau annulé")
    expect(panel.findAll('button')).toHaveLength(0)
    await vi.waitFor(() => expect(panel.find('form').exists()).toBe(false))
  })
})
