import type { VueWrapper } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Basket, OrderInput, PickupSlot } from '../features/drive/model'
import {
  at,
  basketOf,
  closedId,
  fridayId,
  fullId,
  honeyId,
  line,
  now,
  offeredId,
  order,
  pastaId,
  slot,
  slots,
} from '../test/drive'
import { api, plain, problem } from '../test/http'
import { click } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'

const honey = line({ quantity: 1.5 })
const pasta = line({ productId: pastaId, productName: "Pâtes à l'épeautre", unit: 'PIECE', orderStep: 1, quantity: 2, unitPriceCents: 250 })

let basket: Basket
let placed: { key: string | null; body: OrderInput }[]

function serve(initial: Basket, list: PickupSlot[] = slots) {
  basket = initial
  placed = []
  server.use(
    http.get(api('/me/basket'), () => HttpResponse.json(basket)),
    http.put(api('/me/basket/lines/:productId'), async ({ request, params }) => {
      const { quantity } = (await request.json()) as { quantity: number }
      const lines = basket.lines.flatMap((l) =>
        l.productId !== params.productId ? [l] : quantity > 0 ? [{ ...l, quantity, lineTotalCents: Math.round(quantity * l.unitPriceCents) }] : [],
      )
      basket = basketOf(...lines)
      return HttpResponse.json(basket)
    }),
    http.get(api('/pickup-slots'), () => HttpResponse.json({ items: list })),
  )
}

/** The server places what it is sent, once per Idempotency-Key. */
function acceptOrders() {
  server.use(
    http.post(api('/orders'), async ({ request }) => {
      const body = (await request.json()) as OrderInput
      placed.push({ key: request.headers.get('Idempotency-Key'), body })
      return HttpResponse.json(order(), { status: 201, headers: { ETag: '"1"' } })
    }),
  )
}

const chooseSlot = (wrapper: VueWrapper, id: string) => wrapper.get(`input#slot-${id}`).setValue(true)
const slotItem = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-testid="slot-${id}"]`)
const alerts = (wrapper: VueWrapper) => wrapper.findAll('.p-message-error').map((a) => a.text())

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the basket', () => {
  it('shows each line with its total, the basket total in euros, and flags what is unavailable', async () => {
    const short = line({
      productId: 'c0000000-0000-4000-8000-000000000005',
      productName: 'Comté 18 mois',
      unitPriceCents: 2490,
      quantity: 1,
      stockOnHand: 0.5,
      available: false,
    })
    serve(basketOf(honey, pasta, short))
    const wrapper = await renderApp('/panier')

    expect(wrapper.get('h1').text()).toBe('Mon panier')
    const honeyLine = wrapper.get(`[data-testid="line-${honeyId}"]`)
    expect(plain(honeyLine.text())).toContain('12,00 € / kg')
    expect(honeyLine.get('output').text()).toBe('1,5 kg')
    expect(plain(honeyLine.get('[data-testid="line-total"]').text())).toBe('18,00 €')
    expect(wrapper.get(`[data-testid="line-${pastaId}"] output`).text()).toBe('2 pièces')
    expect(plain(wrapper.get('[data-testid="basket-total"]').text())).toBe('Total : 47,90 €')
    const shortLine = wrapper.get(`[data-testid="line-${short.productId}"]`)
    expect(shortLine.text()).toContain('Indisponible')
    expect(shortLine.text()).toContain('Il en reste 0,5 kg.')
    expect(honeyLine.text()).not.toContain('Indisponible')
    expect(wrapper.text()).toContain('Certains produits ne sont plus disponibles')
    expect(wrapper.get('nav a[href="/panier"]').text()).toBe('Panier3, 3 produits')
  })

  it('changes quantities by the order step and shows the new total', async () => {
    serve(basketOf(honey, pasta))
    const wrapper = await renderApp('/panier')

    await click(wrapper, 'Retirer 0,5 kg de Miel de lavande')
    expect(wrapper.get(`[data-testid="line-${honeyId}"] output`).text()).toBe('1 kg')
    expect(plain(wrapper.get('[data-testid="basket-total"]').text())).toBe('Total : 17,00 €')

    await click(wrapper, "Retirer Pâtes à l'épeautre du panier")
    expect(wrapper.find(`[data-testid="line-${pastaId}"]`).exists()).toBe(false)
    expect(plain(wrapper.get('[data-testid="basket-total"]').text())).toBe('Total : 12,00 €')
  })

  it('says when the basket is empty', async () => {
    serve(basketOf())
    const wrapper = await renderApp('/panier')

    expect(wrapper.text()).toContain('Votre panier est vide.')
    expect(wrapper.find('a[href="/catalogue"]').exists()).toBe(true)
  })
})

describe('the pickup slots', () => {
  it('shows places left, full slots with their waitlist, a place offered and closed orders', async () => {
    serve(basketOf(honey))
    const wrapper = await renderApp('/panier')

    const friday = slotItem(wrapper, fridayId)
    expect(wrapper.text()).toContain('Vendredi 4 décembre'.toLowerCase())
    expect(friday.text()).toContain('17:00 – 17:30')
    expect(friday.text()).toContain('Local de la coop, 12 rue des Halles')
    expect(friday.text()).toContain('3 places restantes')
    expect(friday.text()).toContain("Commandes jusqu'au mercredi 2 décembre à 17:00")

    const full = slotItem(wrapper, fullId)
    expect(full.text()).toContain('Complet')
    expect(full.find('input').exists()).toBe(false)
    expect(full.text()).toContain("Rejoindre la liste d'attente")

    const offered = slotItem(wrapper, offeredId)
    expect(offered.text()).toContain("Une place vous est réservée jusqu'à mercredi 2 décembre à 18:00.")
    expect(offered.find(`input#slot-${offeredId}`).exists()).toBe(true)

    const closed = slotItem(wrapper, closedId)
    expect(closed.text()).toContain('Commandes closes')
    expect(closed.find('input').exists()).toBe(false)
  })

  it('shows three days of slots on the phone, and the following days on demand', async () => {
    // Two slots a day for a week: the first three days, then three more, then the last one.
    const week = Array.from({ length: 7 }, (_, d) =>
      [17, 18].map((hour, h) =>
        slot({
          id: `d0000000-0000-4000-8000-0000000001${d}${h}`,
          startsAt: at(4 + d, hour),
          endsAt: at(4 + d, hour, 30),
          orderDeadline: at(2 + d, hour),
        }),
      ),
    ).flat()
    serve(basketOf(honey), week)
    const wrapper = await renderApp('/panier')
    const shownDays = () => wrapper.findAll('.slot-picker h3').map((h) => h.text())

    expect(shownDays()).toEqual(['vendredi 4 décembre', 'samedi 5 décembre', 'dimanche 6 décembre'])
    expect(wrapper.findAll('li.slot')).toHaveLength(6)
    await click(wrapper, 'Voir les jours suivants')
    expect(shownDays()).toHaveLength(6)
    await click(wrapper, 'Voir les jours suivants')
    expect(shownDays().at(-1)).toBe('jeudi 10 décembre')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Voir les jours suivants')).toBe(false)
  })

  it('joins the waitlist of a full slot and says where the member stands', async () => {
    serve(basketOf(honey))
    let joined = 0
    server.use(
      http.post(api('/pickup-slots/:slotId/waitlist'), ({ params }) => {
        expect(params.slotId).toBe(fullId)
        joined++
        server.use(
          http.get(api('/pickup-slots'), () =>
            HttpResponse.json({
              items: slots.map((s) => (s.id === fullId ? { ...s, waitlistLength: 3, myWaitlist: { status: 'WAITING', position: 3 } } : s)),
            }),
          ),
        )
        return HttpResponse.json({ status: 'WAITING', position: 3 }, { status: 201 })
      }),
    )
    const wrapper = await renderApp('/panier')

    await click(wrapper, "Rejoindre la liste d'attente")

    expect(joined).toBe(1)
    expect(slotItem(wrapper, fullId).text()).toContain("Vous êtes n° 3 sur la liste d'attente.")
    expect(slotItem(wrapper, fullId).text()).toContain("Quitter la liste d'attente")
  })
})

describe('placing the order', () => {
  it('sends the basket for the slot chosen, then shows the order number, slot and total', async () => {
    serve(basketOf(honey, pasta))
    acceptOrders()
    const wrapper = await renderApp('/panier')
    expect(wrapper.get('button.confirm').attributes('disabled')).toBeDefined()

    await chooseSlot(wrapper, fridayId)
    await click(wrapper, 'Confirmer la commande')

    expect(placed).toHaveLength(1)
    expect(placed[0].body).toEqual({
      slotId: fridayId,
      lines: [
        { productId: honeyId, quantity: 1.5 },
        { productId: pastaId, quantity: 2 },
      ],
    })
    expect(placed[0].key).toMatch(/^[0-9a-f-]{32,36}$/)
    expect(wrapper.text()).toContain('Commande confirmée')
    expect(wrapper.get('[data-testid="order-number"]').text()).toBe('Commande n° 42')
    expect(wrapper.get('[data-testid="order-slot"]').text()).toContain('vendredi 4 décembre, 17:00 – 17:30')
    expect(plain(wrapper.get('[data-testid="order-total"]').text())).toBe('Total : 23,00 €')
    expect(wrapper.get('nav a[href="/panier"]').text()).toBe('Panier')
  })

  it('takes the place offered from the waitlist', async () => {
    serve(basketOf(honey))
    acceptOrders()
    const wrapper = await renderApp('/panier')

    await chooseSlot(wrapper, offeredId)
    await click(wrapper, 'Confirmer la commande')

    expect(placed[0].body.slotId).toBe(offeredId)
  })

  it('names each product that cannot be served with what is left, and adjusts it in one tap', async () => {
    serve(basketOf(honey, pasta))
    server.use(
      http.post(api('/orders'), () =>
        problem(409, {
          detail: 'Certains produits ne peuvent pas être servis.',
          shortages: [
            { productId: honeyId, productName: 'Miel de lavande', requested: 1.5, available: 0.7 },
            { productId: pastaId, productName: "Pâtes à l'épeautre", requested: 2, available: 0 },
          ],
        }),
      ),
    )
    const wrapper = await renderApp('/panier')

    await chooseSlot(wrapper, fridayId)
    await click(wrapper, 'Confirmer la commande')

    expect(wrapper.get(`[data-testid="shortage-${honeyId}"]`).text()).toContain(
      'Miel de lavande : vous en demandez 1,5 kg, il en reste 0,5 kg.',
    )
    expect(wrapper.get(`[data-testid="shortage-${pastaId}"]`).text()).toContain(
      "Pâtes à l'épeautre : vous en demandez 2 pièces, il n'en reste plus.",
    )

    await click(wrapper, 'Prendre 0,5 kg')
    expect(wrapper.get(`[data-testid="line-${honeyId}"] output`).text()).toBe('0,5 kg')
    expect(wrapper.find(`[data-testid="shortage-${honeyId}"]`).exists()).toBe(false)

    await click(wrapper, "Retirer Pâtes à l'épeautre")
    expect(wrapper.find(`[data-testid="line-${pastaId}"]`).exists()).toBe(false)
    expect(basket.lines.map((l) => [l.productId, l.quantity])).toEqual([[honeyId, 0.5]])
  })

  it("says why the order was refused when it is not the stock, e.g. no active membership", async () => {
    serve(basketOf(honey))
    server.use(
      http.post(api('/orders'), () =>
        problem(409, { detail: 'Il faut une adhésion active pour commander. Voyez « Mon adhésion ».' }),
      ),
    )
    const wrapper = await renderApp('/panier')

    await chooseSlot(wrapper, fridayId)
    await click(wrapper, 'Confirmer la commande')

    expect(alerts(wrapper)).toEqual(['Il faut une adhésion active pour commander. Voyez « Mon adhésion ».'])
    expect(wrapper.text()).not.toContain('Commande confirmée')
  })

  it('sends the same Idempotency-Key again after a network failure, so a retry cannot order twice', async () => {
    serve(basketOf(honey))
    const keys: (string | null)[] = []
    server.use(
      http.post(api('/orders'), ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'))
        return keys.length === 1 ? HttpResponse.error() : HttpResponse.json(order(), { status: 201 })
      }),
    )
    const wrapper = await renderApp('/panier')

    await chooseSlot(wrapper, fridayId)
    await click(wrapper, 'Confirmer la commande')
    expect(alerts(wrapper)).toEqual(['Le serveur ne répond pas. Vérifiez votre connexion et réessayez.'])
    await click(wrapper, 'Confirmer la commande')

    expect(keys).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(wrapper.get('[data-testid="order-number"]').text()).toBe('Commande n° 42')
  })

  it('uses a new key once the server has refused, e.g. a slot that filled up meanwhile', async () => {
    serve(basketOf(honey), [slot(), slot({ id: fullId, startsAt: slots[2]!.startsAt, endsAt: slots[2]!.endsAt })])
    const keys: (string | null)[] = []
    server.use(
      http.post(api('/orders'), ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'))
        return keys.length === 1
          ? problem(409, { detail: "Ce créneau est complet." })
          : HttpResponse.json(order(), { status: 201 })
      }),
    )
    const wrapper = await renderApp('/panier')

    await chooseSlot(wrapper, fridayId)
    await click(wrapper, 'Confirmer la commande')
    expect(alerts(wrapper)).toEqual(['Ce créneau est complet.'])
    await click(wrapper, 'Confirmer la commande')

    expect(keys).toHaveLength(2)
    expect(keys[1]).not.toBe(keys[0])
  })
})
