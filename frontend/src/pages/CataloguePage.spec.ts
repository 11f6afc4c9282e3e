import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Category, Product } from '../features/catalog/model'
import { keycloakSession } from '../test/fakeKeycloak'
import { api, plain } from '../test/http'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'

const epicerie: Category = { id: '00000000-0000-0000-0000-0000000000c1', name: 'Épicerie' }
const pates: Category = { id: '00000000-0000-0000-0000-0000000000c2', name: 'Pâtes et riz', parentId: epicerie.id }

const product = (overrides: Partial<Product>): Product => ({
  id: '00000000-0000-0000-0000-0000000000p1',
  name: 'Miel de lavande',
  categoryId: epicerie.id,
  supplierId: '00000000-0000-0000-0000-0000000000s1',
  unit: 'KG',
  orderStep: 0.5,
  priceCents: 420,
  vatRate: '5.5',
  labels: [],
  active: true,
  availableOnDrive: true,
  stockOnHand: 3,
  onHand: 3,
  reserved: 0,
  available: 3,
  currency: 'EUR',
  ...overrides,
})

let asked: URLSearchParams[]

beforeEach(() => {
  keycloakSession.signedIn = false
  asked = []
  server.use(
    http.get(api('/categories'), () => HttpResponse.json({ items: [pates, epicerie] })),
    http.get(api('/products'), ({ request }) => {
      asked.push(new URL(request.url).searchParams)
      return HttpResponse.json({
        items: [
          product({ labels: ['ORGANIC', 'FAIR_TRADE'] }),
          product({ id: '00000000-0000-0000-0000-0000000000p2', name: "Pâtes à l'épeautre", unit: 'PIECE', priceCents: 250, available: 0 }),
        ],
        nextCursor: asked.length === 1 ? 'page-2' : null,
      })
    }),
  )
})

const last = () => asked[asked.length - 1]

describe('the catalogue', () => {
  it('is open to visitors and shows cards with price per unit, labels in French and out of stock', async () => {
    const wrapper = await renderApp('/catalogue')

    expect(wrapper.get('h1').text()).toBe('Catalogue')
    expect(wrapper.get('nav').text()).toContain('Catalogue')
    const cards = wrapper.findAll('article')
    expect(cards).toHaveLength(2)
    expect(plain(cards[0].text())).toContain('4,20 € / kg')
    expect(cards[0].text()).toContain('Bio')
    expect(cards[0].text()).toContain('Commerce équitable')
    expect(cards[0].text()).not.toContain('Rupture de stock')
    expect(plain(cards[1].text())).toContain('2,50 € / pièce')
    expect(cards[1].text()).toContain('Rupture de stock')
    expect(cards[1].classes()).toContain('out-of-stock')
  })

  it('sends the search words to the server', async () => {
    const wrapper = await renderApp('/catalogue')

    await wrapper.get('input[type="search"]').setValue(" pates a l'epeautre ")

    await vi.waitFor(() => expect(last().get('q')).toBe("pates a l'epeautre"), { timeout: 3000 })
  })

  it('filters by category (sub-categories listed under their parent), labels and stock', async () => {
    const wrapper = await renderApp('/catalogue')
    expect(asked[0].get('categoryId')).toBeNull()
    expect(asked[0].get('inStock')).toBeNull()

    const select = wrapper.get('select[name="category"]')
    expect(select.findAll('option').map((o) => o.text().trim())).toEqual(['Toutes les catégories', 'Épicerie', '• Pâtes et riz'])
    await select.setValue(pates.id)
    await vi.waitFor(() => expect(last().get('categoryId')).toBe(pates.id))

    await wrapper.get('#label-ORGANIC').setValue(true)
    await wrapper.get('#label-LOCAL').setValue(true)
    await vi.waitFor(() => expect(last().getAll('label')).toEqual(['ORGANIC', 'LOCAL']))

    await wrapper.get('#in-stock').setValue(true)
    await vi.waitFor(() => expect(last().get('inStock')).toBe('true'))
    expect(last().get('categoryId')).toBe(pates.id)
  })

  it('shows more products with the cursor', async () => {
    const wrapper = await renderApp('/catalogue')

    await wrapper.findAll('button').find((b) => b.text() === 'Voir plus')!.trigger('click')

    await vi.waitFor(() => expect(wrapper.findAll('article')).toHaveLength(4))
    expect(last().get('cursor')).toBe('page-2')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Voir plus')).toBe(false)
  })
})
