import type { VueWrapper } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Order, OrderInput } from '../features/drive/model'
import { at, fridayId, honeyId, now, order, pastaId, product, slots } from '../test/drive'
import { api, plain, problem } from '../test/http'
import { click } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'

const placed = order()
const prepared = order({ id: 'e0000000-0000-4000-8000-000000000002', number: 41, status: 'PREPARED', changeable: false })
const pickedUp = order({
  id: 'e0000000-0000-4000-8000-000000000003',
  number: 30,
  status: 'PICKED_UP',
  changeable: false,
  pickedUpAt: at(1, 8, 15),
  paidCents: 2300,
})
const cancelled = order({
  id: 'e0000000-0000-4000-8000-000000000004',
  number: 29,
  status: 'CANCELLED',
  changeable: false,
  cancelReason: 'Le local est inondé ; nous vous proposons le créneau de samedi.',
})
const noShow = order({ id: 'e0000000-0000-4000-8000-000000000005', number: 12, status: 'NO_SHOW', changeable: false })

function serveOrders(items: Order[]) {
  server.use(http.get(api('/orders'), () => HttpResponse.json({ items, nextCursor: null })))
}

const card = (wrapper: VueWrapper, o: Order) => wrapper.get(`[data-testid="order-${o.id}"]`)
const errors = (wrapper: VueWrapper) => wrapper.findAll('.p-message-error').map((m) => m.text())

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('Mes commandes', () => {
  it('lists current and past orders with their slot, lines, total and status in French', async () => {
    serveOrders([placed, prepared, pickedUp, cancelled, noShow])
    const wrapper = await renderApp('/commandes')

    expect(wrapper.get('h1').text()).toBe('Mes commandes')
    const status = (o: Order) => card(wrapper, o).get('[data-testid="order-status"]').text()
    expect([placed, prepared, pickedUp, cancelled, noShow].map(status)).toEqual([
      'Commandée',
      'Préparée',
      'Retirée',
      'Annulée',
      'Non retirée',
    ])
    const current = wrapper.get('[data-testid="current-orders"]')
    expect(current.findAll('article').map((a) => a.get('h3').text())).toEqual(['Commande n° 42', 'Commande n° 41'])
    expect(wrapper.get('[data-testid="past-orders"]').findAll('article')).toHaveLength(3)

    const first = card(wrapper, placed)
    expect(first.get('[data-testid="order-slot"]').text()).toContain('vendredi 4 décembre, 17:00 – 17:30')
    expect(first.text()).toContain('Local de la coop, 12 rue des Halles')
    expect(plain(first.text())).toContain('Miel de lavande1,5 kg18,00 €')
    expect(plain(first.text())).toContain("Pâtes à l'épeautre2 pièces5,00 €")
    expect(plain(first.get('[data-testid="order-total"]').text())).toBe('Total : 23,00 €')
    expect(first.text()).toContain("Modifiable jusqu'au mercredi 2 décembre à 17:00")

    expect(card(wrapper, cancelled).text()).toContain(
      'Motif : Le local est inondé ; nous vous proposons le créneau de samedi.',
    )
    expect(card(wrapper, pickedUp).text()).toContain('Retirée le mardi 1 décembre à 08:15')
    // Only an order still placed before its deadline can change.
    expect(card(wrapper, prepared).text()).not.toContain('Annuler la commande')
    expect(card(wrapper, prepared).text()).not.toContain('Modifier')
  })

  it('says when there is no order yet', async () => {
    serveOrders([])
    const wrapper = await renderApp('/commandes')

    expect(wrapper.text()).toContain("Vous n'avez pas encore passé de commande.")
  })

  it('cancels an order after asking for confirmation', async () => {
    serveOrders([placed])
    let cancels = 0
    server.use(
      http.post(api('/orders/:orderId/cancel'), ({ params }) => {
        expect(params.orderId).toBe(placed.id)
        cancels++
        return HttpResponse.json({ ...placed, status: 'CANCELLED', changeable: false })
      }),
    )
    const wrapper = await renderApp('/commandes')

    await click(wrapper, 'Annuler la commande')
    expect(card(wrapper, placed).text()).toContain(
      'Annuler la commande n° 42 ? Les produits et votre place seront remis à disposition.',
    )
    await click(wrapper, 'Non, la garder')
    expect(cancels).toBe(0)
    expect(card(wrapper, placed).text()).not.toContain('Annuler la commande n° 42 ?')

    await click(wrapper, 'Annuler la commande')
    await click(wrapper, 'Oui, annuler')

    expect(cancels).toBe(1)
    expect(card(wrapper, placed).get('[data-testid="order-status"]').text()).toBe('Annulée')
    expect(wrapper.get('[data-testid="past-orders"]').text()).toContain('Commande n° 42')
    expect(card(wrapper, placed).text()).not.toContain('Modifier')
    expect(document.body.textContent).toContain('Commande n° 42 annulée')
  })

  it('shows why a cancellation is refused after the deadline, and the order as it now is', async () => {
    serveOrders([placed])
    server.use(
      http.post(api('/orders/:orderId/cancel'), () =>
        problem(409, { detail: 'Les commandes de ce créneau sont closes depuis le mercredi 2 décembre à 17:00.' }),
      ),
      http.get(api('/orders/:orderId'), () => HttpResponse.json({ ...placed, changeable: false })),
    )
    const wrapper = await renderApp('/commandes')

    await click(wrapper, 'Annuler la commande')
    await click(wrapper, 'Oui, annuler')

    expect(errors(wrapper)).toEqual(['Les commandes de ce créneau sont closes depuis le mercredi 2 décembre à 17:00.'])
    expect(card(wrapper, placed).text()).not.toContain('Annuler la commande')
    expect(card(wrapper, placed).get('[data-testid="order-status"]').text()).toBe('Commandée')
  })
})

describe('changing an order', () => {
  let sent: { ifMatch: string | null; body: OrderInput } | undefined

  function serveEditing() {
    sent = undefined
    serveOrders([placed])
    server.use(
      http.get(api('/orders/:orderId'), () => HttpResponse.json(placed, { headers: { ETag: '"4"' } })),
      http.get(api('/products/:productId'), ({ params }) =>
        HttpResponse.json(
          params.productId === honeyId
            ? product({ available: 0.5 })
            : product({ id: pastaId, name: "Pâtes à l'épeautre", unit: 'PIECE', orderStep: 1, priceCents: 250, available: 10 }),
        ),
      ),
      http.get(api('/pickup-slots'), () => HttpResponse.json({ items: slots })),
    )
  }

  it('changes quantities within the stock left and moves to another slot, naming the version read', async () => {
    serveEditing()
    const saturday = slots[3]!
    server.use(
      http.put(api('/orders/:orderId'), async ({ request }) => {
        const body = (await request.json()) as OrderInput
        sent = { ifMatch: request.headers.get('If-Match'), body }
        return HttpResponse.json({
          ...placed,
          slot: { ...placed.slot, id: saturday.id, startsAt: saturday.startsAt, endsAt: saturday.endsAt },
          lines: [{ ...placed.lines[0]!, quantity: 2, lineTotalCents: 2400 }],
          totalCents: 2400,
        })
      }),
    )
    const wrapper = await renderApp('/commandes')

    await click(wrapper, 'Modifier')
    expect(card(wrapper, placed).text()).toContain('Modifier la commande n° 42')
    expect(card(wrapper, placed).get(`[data-testid="slot-${fridayId}"]`).text()).toContain('Votre créneau actuel')
    await click(wrapper, 'Ajouter 0,5 kg de Miel de lavande')
    // 1,5 kg ordered and 0,5 kg left in stock: 2 kg at most.
    expect(card(wrapper, placed).get('button[aria-label="Ajouter 0,5 kg de Miel de lavande"]').attributes('disabled')).toBeDefined()
    await click(wrapper, "Retirer 1 pièce de Pâtes à l'épeautre")
    await click(wrapper, "Retirer 1 pièce de Pâtes à l'épeautre")
    expect(plain(card(wrapper, placed).text())).toContain('Total : 24,00 €')
    await wrapper.get(`input#slot-${saturday.id}`).setValue(true)
    await click(wrapper, 'Enregistrer les modifications')

    expect(sent).toEqual({ ifMatch: '"4"', body: { slotId: saturday.id, lines: [{ productId: honeyId, quantity: 2 }] } })
    expect(card(wrapper, placed).text()).not.toContain('Modifier la commande n° 42')
    expect(card(wrapper, placed).get('[data-testid="order-slot"]').text()).toContain('samedi 5 décembre, 10:00 – 10:30')
    expect(document.body.textContent).toContain('Commande n° 42 modifiée')
  })

  it('displays the refusal of a change after the deadline', async () => {
    serveEditing()
    server.use(
      http.put(api('/orders/:orderId'), () =>
        problem(409, { detail: 'Les commandes de ce créneau sont closes : la commande ne peut plus être modifiée.' }),
      ),
    )
    const wrapper = await renderApp('/commandes')

    await click(wrapper, 'Modifier')
    await click(wrapper, "Retirer 1 pièce de Pâtes à l'épeautre")
    await click(wrapper, 'Enregistrer les modifications')

    expect(errors(wrapper)).toEqual(['Les commandes de ce créneau sont closes : la commande ne peut plus être modifiée.'])
  })

  it('keeps at least one product: removing everything is cancelling', async () => {
    serveEditing()
    const wrapper = await renderApp('/commandes')

    await click(wrapper, 'Modifier')
    for (let i = 0; i < 3; i++) await click(wrapper, 'Retirer 0,5 kg de Miel de lavande')
    for (let i = 0; i < 2; i++) await click(wrapper, "Retirer 1 pièce de Pâtes à l'épeautre")

    expect(card(wrapper, placed).text()).toContain('Une commande garde au moins un produit : pour tout retirer, annulez-la.')
    expect(wrapper.findAll('button').find((b) => b.text() === 'Enregistrer les modifications')!.attributes('disabled')).toBeDefined()
  })
})
