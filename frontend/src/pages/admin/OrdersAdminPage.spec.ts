import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Order } from '../../features/drive-admin/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { choose } from '../../test/interact'
import { members, order, press, screen, slot, slotAt } from '../../test/driveAdmin'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

// Slots far ahead, so that they are still to come whenever the tests run.
const friday = slot('2036-12-05', '17:00', '17:30')
const later = slot('2036-12-05', '17:30', '18:00')
// A slot over an hour ago: its baskets not collected can be said so.
const past = slotAt(new Date(Date.now() - 3 * 3600_000), 30)

/** Orders as the server answers them: every filter applied, and what was asked remembered. */
function serveOrders(all: Order[]) {
  const asked: URLSearchParams[] = []
  server.use(
    http.get(api('/orders'), ({ request }) => {
      const query = new URL(request.url).searchParams
      asked.push(query)
      const q = query.get('q')?.toLowerCase()
      const items = all
        .filter((o) => !query.get('status') || o.status === query.get('status'))
        .filter((o) => !query.get('slotId') || o.slot.id === query.get('slotId'))
        .filter((o) => !q || `${o.memberName} ${o.memberNumber}`.toLowerCase().includes(q))
      return HttpResponse.json({ items, nextCursor: null })
    }),
    http.get(api('/pickup-slots'), () => HttpResponse.json({ items: [friday, later] })),
  )
  return asked
}

const rows = (wrapper: Awaited<ReturnType<typeof renderApp>>) => wrapper.findAll('tbody tr').map((row) => plain(row.text()))

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the orders table', () => {
  it('lists orders with their member, slot, total and status in French', async () => {
    serveOrders([
      order(friday, members.alice, { number: 41 }),
      order(friday, members.bruno, { number: 42, status: 'PREPARED' }),
      order(later, members.alice, { number: 43, status: 'PICKED_UP' }),
      order(later, members.bruno, { number: 44, status: 'CANCELLED', cancelReason: 'Erreur de créneau' }),
      order(past, members.bruno, { number: 45, status: 'NO_SHOW' }),
    ])
    const wrapper = await renderApp('/gestion/commandes')

    expect(wrapper.get('h1').text()).toBe('Commandes')
    const [first, ...others] = rows(wrapper)
    expect(first).toContain('41')
    expect(first).toContain('Alice Martin')
    expect(first).toContain('A-0003')
    expect(first).toContain('5 déc.')
    expect(first).toContain('17:00–17:30')
    expect(first).toContain('22,60 €')
    expect(wrapper.findAll('[data-testid="order-status"]').map((tag) => tag.text())).toEqual([
      'Commandée',
      'Préparée',
      'Retirée',
      'Annulée',
      'Non retirée',
    ])
    expect(others[2]).toContain('Erreur de créneau')
  })

  it('sends the day, the slot, the status and the search as query parameters, and keeps them in the address', async () => {
    const asked = serveOrders([order(friday, members.alice), order(later, members.bruno, { status: 'PREPARED' })])
    const wrapper = await renderApp('/gestion/commandes')
    expect(asked[0]!.toString()).toBe('limit=50')

    await wrapper.get('input#orders-day').setValue('2036-12-05')
    await wrapper.get('input#orders-day').trigger('change')
    await flushPromises()
    await vi.waitFor(() => expect(asked.at(-1)?.get('day')).toBe('2036-12-05'))

    await choose(wrapper, '[data-testid="slot-filter"]', '17:30–18:00 · Local de la coop, 12 rue des Halles')
    await vi.waitFor(() => expect(asked.at(-1)?.get('slotId')).toBe(later.id))

    await choose(wrapper, '[data-testid="status-filter"]', 'Préparée')
    await vi.waitFor(() => expect(asked.at(-1)?.get('status')).toBe('PREPARED'))

    await wrapper.get('input[type="search"]').setValue('moreau')
    await new Promise((resolve) => setTimeout(resolve, 350))
    await flushPromises()

    expect(Object.fromEntries(asked.at(-1)!)).toEqual({ day: '2036-12-05', slotId: later.id, status: 'PREPARED', q: 'moreau', limit: '50' })
    expect(wrapper.vm.$route.query).toEqual({ jour: '2036-12-05', creneau: later.id, statut: 'PREPARED', q: 'moreau' })
    expect(rows(wrapper)).toHaveLength(1)
    expect(rows(wrapper)[0]).toContain('Bruno Moreau')
  })

  it('opens on the orders of a slot from a link', async () => {
    const asked = serveOrders([order(friday, members.alice), order(later, members.bruno)])
    const wrapper = await renderApp(`/gestion/commandes?jour=2036-12-05&creneau=${friday.id}`)

    expect(Object.fromEntries(asked[0]!)).toEqual({ day: '2036-12-05', slotId: friday.id, limit: '50' })
    expect(rows(wrapper)).toHaveLength(1)
    expect(wrapper.get('[data-testid="slot-filter"]').text()).toBe('17:00–17:30 · Local de la coop, 12 rue des Halles')
  })

  it('shows the lines of an order on demand', async () => {
    serveOrders([order(friday, members.alice, { householdNoShows: 2 })])
    const wrapper = await renderApp('/gestion/commandes')

    await wrapper.get('tbody button.p-datatable-row-toggle-button').trigger('click')

    const detail = plain(wrapper.get('.order-lines').text())
    expect(detail).toContain('Miel de fleurs')
    expect(detail).toContain('1,5 kg')
    expect(detail).toContain('Total22,60 €')
    expect(wrapper.text()).toContain('2 paniers non retirés par ce foyer')
  })
})

describe('changing an order', () => {
  it('marks an order prepared, then back', async () => {
    const placed = order(friday, members.alice, { number: 41 })
    serveOrders([placed])
    const sent: unknown[] = []
    server.use(
      http.post(api('/orders/:id/status'), async ({ request }) => {
        const body = (await request.json()) as { status: Order['status'] }
        sent.push(body)
        return HttpResponse.json({ ...placed, status: body.status })
      }),
    )
    const wrapper = await renderApp('/gestion/commandes')
    // Before the end of its slot, an order cannot be said not collected.
    expect(wrapper.findAll('button').some((b) => b.text() === 'Non retirée')).toBe(false)

    await press('Marquer préparée la commande 41')
    expect(wrapper.get('[data-testid="order-status"]').text()).toBe('Préparée')
    expect(document.body.textContent).toContain('Commande 41 : Préparée')

    await press('Remettre à préparer la commande 41')
    expect(wrapper.get('[data-testid="order-status"]').text()).toBe('Commandée')
    expect(sent).toEqual([{ status: 'PREPARED' }, { status: 'PLACED' }])
  })

  it('marks an order of a slot that has ended not collected', async () => {
    const forgotten = order(past, members.bruno, { number: 45, status: 'PREPARED' })
    serveOrders([forgotten])
    let sent: unknown
    server.use(
      http.post(api('/orders/:id/status'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json({ ...forgotten, status: 'NO_SHOW' })
      }),
    )
    const wrapper = await renderApp('/gestion/commandes')

    await press('Marquer non retirée la commande 45')

    expect(sent).toEqual({ status: 'NO_SHOW' })
    expect(wrapper.get('[data-testid="order-status"]').text()).toBe('Non retirée')
    expect(wrapper.findAll('tbody button').filter((b) => b.text() !== '')).toHaveLength(0)
  })

  it("shows the server's refusal", async () => {
    serveOrders([order(friday, members.alice, { number: 41 })])
    server.use(http.post(api('/orders/:id/status'), () => problem(409, { detail: 'Cette commande a été annulée entre-temps.' })))
    const wrapper = await renderApp('/gestion/commandes')

    await press('Marquer préparée la commande 41')

    expect(document.body.textContent).toContain('Cette commande a été annulée entre-temps.')
    expect(wrapper.get('[data-testid="order-status"]').text()).toBe('Commandée')
  })

  it('cancels an order only with a reason for the member', async () => {
    const placed = order(friday, members.alice, { number: 41 })
    serveOrders([placed])
    const sent: unknown[] = []
    server.use(
      http.post(api('/orders/:id/cancel'), async ({ request }) => {
        const body = (await request.json()) as { reason: string }
        sent.push(body)
        return HttpResponse.json({ ...placed, status: 'CANCELLED', cancelReason: body.reason })
      }),
    )
    const wrapper = await renderApp('/gestion/commandes')

    await press('Annuler la commande 41')
    expect(screen().get('.p-dialog').text()).toContain('Le stock et la place réservés sont rendus ; Alice Martin verra la raison.')
    await press('Annuler la commande')
    expect(sent).toEqual([])
    expect(screen().get('#cancel-reason-error').text()).toBe('Indiquez la raison (500 caractères au plus).')

    await screen().get('#cancel-reason').setValue('Produits indisponibles')
    await press('Annuler la commande')

    expect(sent).toEqual([{ reason: 'Produits indisponibles' }])
    expect(wrapper.get('[data-testid="order-status"]').text()).toBe('Annulée')
    expect(rows(wrapper)[0]).toContain('Produits indisponibles')
    expect(document.body.textContent).toContain('Commande 41 annulée')
  })
})
