import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Product } from '../catalog/model'
import { basketOf, honeyId, line, oilId, pastaId, product } from '../../test/drive'
import { keycloakLogin, keycloakSession } from '../../test/fakeKeycloak'
import { api } from '../../test/http'
import { click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'
import type { Basket } from './model'

const honey = product()
const pasta = product({ id: pastaId, name: "Pâtes à l'épeautre", unit: 'PIECE', orderStep: 1, priceCents: 250, available: 0 })
const oil = product({ id: oilId, name: "Huile d'olive en vrac", unit: 'LITRE', orderStep: 0.1, priceCents: 1500, available: 20 })
const offDrive = product({ id: 'c0000000-0000-4000-8000-000000000009', name: 'Savon', unit: 'PIECE', orderStep: 1, availableOnDrive: false })

let basket: Basket
let sent: { productId: string; quantity: number }[]

/** The server's basket: what it was told, priced at the product's price. */
function serveBasket(products: Product[], initial: Basket = basketOf()) {
  basket = initial
  sent = []
  server.use(
    http.get(api('/categories'), () => HttpResponse.json({ items: [] })),
    http.get(api('/products'), () => HttpResponse.json({ items: products, nextCursor: null })),
    http.get(api('/me/basket'), () => HttpResponse.json(basket)),
    http.put(api('/me/basket/lines/:productId'), async ({ request, params }) => {
      const productId = params.productId as string
      const { quantity } = (await request.json()) as { quantity: number }
      sent.push({ productId, quantity })
      const p = products.find((x) => x.id === productId)!
      const others = basket.lines.filter((l) => l.productId !== productId)
      basket = basketOf(
        ...others,
        ...(quantity > 0
          ? [line({ productId, productName: p.name, unit: p.unit, orderStep: p.orderStep, quantity, unitPriceCents: p.priceCents })]
          : []),
      )
      return HttpResponse.json(basket)
    }),
  )
}

const card = (wrapper: VueWrapper, name: string) => wrapper.findAll('article').find((a) => a.text().includes(name))!

async function tap(wrapper: VueWrapper, label: string) {
  await click(wrapper, label)
  await flushPromises()
}

beforeEach(() => {
  keycloakSession.signedIn = true
})

describe('ordering from the catalogue', () => {
  it('adds a product by its order step, and the stepper goes up in 0,5 kg steps up to the stock', async () => {
    serveBasket([honey])
    const wrapper = await renderApp('/catalogue')

    await tap(wrapper, 'Ajouter au panier')
    expect(card(wrapper, 'Miel').get('output').text()).toBe('0,5 kg')
    await tap(wrapper, 'Ajouter 0,5 kg de Miel de lavande')
    await tap(wrapper, 'Ajouter 0,5 kg de Miel de lavande')

    expect(sent).toEqual([
      { productId: honeyId, quantity: 0.5 },
      { productId: honeyId, quantity: 1 },
      { productId: honeyId, quantity: 1.5 },
    ])
    expect(card(wrapper, 'Miel').get('output').text()).toBe('1,5 kg')
    // 1,5 kg is all the stock there is.
    const more = card(wrapper, 'Miel').get('button[aria-label="Ajouter 0,5 kg de Miel de lavande"]')
    expect(more.attributes('disabled')).toBeDefined()
    expect(wrapper.get('nav a[href="/panier"]').text()).toBe('Panier1, 1 produit')
    expect(wrapper.get('nav a[href="/panier"]').attributes('aria-label')).toBeUndefined()

    await tap(wrapper, 'Retirer 0,5 kg de Miel de lavande')
    expect(sent[sent.length - 1]).toEqual({ productId: honeyId, quantity: 1 })
    expect(card(wrapper, 'Miel').get('output').text()).toBe('1 kg')
  })

  it('counts tenths of a litre without rounding errors', async () => {
    serveBasket([oil])
    const wrapper = await renderApp('/catalogue')

    await tap(wrapper, 'Ajouter au panier')
    await tap(wrapper, "Ajouter 0,1 L de Huile d'olive en vrac")
    await tap(wrapper, "Ajouter 0,1 L de Huile d'olive en vrac")

    expect(sent.map((s) => s.quantity)).toEqual([0.1, 0.2, 0.3])
    expect(card(wrapper, 'Huile').get('output').text()).toBe('0,3 L')
  })

  it('removes the product when going below one step', async () => {
    serveBasket([honey], basketOf(line({ quantity: 0.5 })))
    const wrapper = await renderApp('/catalogue')

    await tap(wrapper, 'Retirer 0,5 kg de Miel de lavande')

    expect(sent).toEqual([{ productId: honeyId, quantity: 0 }])
    expect(card(wrapper, 'Miel').text()).toContain('Ajouter au panier')
    expect(wrapper.get('nav a[href="/panier"]').text()).toBe('Panier')
  })

  it('shows the basket kept on the server, whatever device filled it', async () => {
    serveBasket([honey, oil], basketOf(line({ quantity: 1 }), line({ productId: oilId, unit: 'LITRE', orderStep: 0.1, quantity: 0.7 })))
    const wrapper = await renderApp('/catalogue')

    expect(card(wrapper, 'Miel').get('output').text()).toBe('1 kg')
    expect(card(wrapper, 'Huile').get('output').text()).toBe('0,7 L')
    expect(wrapper.get('nav a[href="/panier"]').text()).toBe('Panier2, 2 produits')
  })

  it('cannot add a product out of stock or not sold on the drive', async () => {
    serveBasket([pasta, offDrive])
    const wrapper = await renderApp('/catalogue')

    for (const name of ['Pâtes', 'Savon']) {
      expect(card(wrapper, name).get('button').text()).toBe('Ajouter au panier')
      expect(card(wrapper, name).get('button').attributes('disabled')).toBeDefined()
    }
    expect(card(wrapper, 'Savon').text()).toContain('Non disponible au drive')
    expect(card(wrapper, 'Pâtes').text()).not.toContain('Non disponible au drive')
  })

  it('shows why a product could not be added', async () => {
    serveBasket([honey])
    server.use(http.put(api('/me/basket/lines/:productId'), () => HttpResponse.json({ type: 'about:blank', title: 'Refusé', status: 403 }, { status: 403 })))
    const wrapper = await renderApp('/catalogue')

    await tap(wrapper, 'Ajouter au panier')

    expect(card(wrapper, 'Miel').get('[role="alert"]').text()).toBe("Vous n'avez pas le droit de faire cela.")
    expect(card(wrapper, 'Miel').text()).toContain('Ajouter au panier')
  })

  it('invites visitors to sign in, without basket buttons nor asking for a basket', async () => {
    keycloakSession.signedIn = false
    serveBasket([honey])
    server.use(http.get(api('/me/basket'), () => HttpResponse.json({ type: 'about:blank', title: 'Non', status: 401 }, { status: 401 })))
    const wrapper = await renderApp('/catalogue')

    expect(card(wrapper, 'Miel').find('button').exists()).toBe(false)
    expect(wrapper.find('nav a[href="/panier"]').exists()).toBe(false)
    await click(wrapper, 'Se connecter pour commander')
    expect(keycloakLogin).toHaveBeenCalledOnce()
  })
})
