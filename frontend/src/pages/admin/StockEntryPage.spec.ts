import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { components } from '../../api/schema'
import type { Product } from '../../features/catalog/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { remi } from '../../test/catalog'
import { api, problem } from '../../test/http'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const pommes: Product = {
  id: '00000000-0000-0000-0000-0000000000f1',
  name: 'Pommes Chantecler',
  categoryId: '00000000-0000-0000-0000-0000000000c1',
  supplierId: '00000000-0000-0000-0000-0000000000s1',
  unit: 'KG',
  orderStep: 0.5,
  priceCents: 320,
  vatRate: '5.5',
  labels: [],
  active: true,
  availableOnDrive: true,
  stockOnHand: 6,
  onHand: 10,
  reserved: 4,
  available: 6,
  currency: 'EUR',
}

let recorded: components['schemas']['StockMovementInput'][]

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
  recorded = []
  server.use(
    http.get(api('/products'), () => HttpResponse.json({ items: [pommes], nextCursor: null })),
    http.post(api('/products/:id/stock-movements'), async ({ request }) => {
      const body = (await request.json()) as components['schemas']['StockMovementInput']
      recorded.push(body)
      if (body.quantity === 999) return problem(400, { errors: [{ field: 'quantity', message: 'Plus que le stock.' }] })
      return HttpResponse.json({ id: 'm1', productId: pommes.id, kind: body.kind, quantity: -(body.quantity ?? 0), stockAfter: 8.5, recordedAt: '2026-11-24T10:00:00Z' }, { status: 201 })
    }),
  )
})

async function choose(wrapper: Awaited<ReturnType<typeof renderApp>>) {
  await wrapper.get('#stock-product').setValue('pom')
  await vi.waitFor(() => expect(wrapper.find('.matches').exists()).toBe(true), { timeout: 3000 })
  await wrapper.get('#stock-product').trigger('keydown', { key: 'Enter' })
  await flushPromises()
}

describe('the stock entry', () => {
  it('records a reception from the keyboard, the cost in cents', async () => {
    const wrapper = await renderApp('/gestion/saisie-stock')
    await choose(wrapper)
    // What is on the shelf, what orders not yet picked up hold, what is left to sell.
    expect(wrapper.get('[data-testid="stock-onHand"]').text()).toBe('En rayon10 kg')
    expect(wrapper.get('[data-testid="stock-reserved"]').text()).toBe('Réservé4 kg')
    expect(wrapper.get('[data-testid="stock-available"]').text()).toBe('Disponible6 kg')

    await wrapper.get('#stock-quantity').setValue('12,5')
    await wrapper.get('#stock-cost').setValue('1,85')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(recorded).toEqual([{ kind: 'RECEPTION', quantity: 12.5, unitCostCents: 185 }])
    expect(wrapper.text()).toContain('Pommes Chantecler : en rayon après ce mouvement, 8,5 kg')
  })

  it('records a loss with its reason, and shows the server’s field error beside the quantity', async () => {
    const wrapper = await renderApp('/gestion/saisie-stock')
    await choose(wrapper)
    await wrapper.get('#stock-kind').setValue('LOSS')
    await wrapper.get('#stock-reason').setValue('DAMAGED')
    await wrapper.get('#stock-quantity').setValue('999')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(recorded).toEqual([{ kind: 'LOSS', quantity: 999, lossReason: 'DAMAGED' }])
    expect(wrapper.get('.error').text()).toBe('Plus que le stock.')
  })

  it('starts with the product it was opened for', async () => {
    server.use(http.get(api('/products/:id'), () => HttpResponse.json(pommes, { headers: { ETag: '"1"' } })))
    const wrapper = await renderApp(`/gestion/saisie-stock?produit=${pommes.id}`)
    await flushPromises()

    expect(wrapper.get<HTMLInputElement>('#stock-product').element.value).toBe('Pommes Chantecler')
    // What is on the shelf, what orders not yet picked up hold, what is left to sell.
    expect(wrapper.get('[data-testid="stock-onHand"]').text()).toBe('En rayon10 kg')
    expect(wrapper.get('[data-testid="stock-reserved"]').text()).toBe('Réservé4 kg')
    expect(wrapper.get('[data-testid="stock-available"]').text()).toBe('Disponible6 kg')
    await wrapper.get('#stock-quantity').setValue('2')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(recorded).toEqual([{ kind: 'RECEPTION', quantity: 2 }])
  })

  it("offers a référent only their own products", async () => {
    keycloakSession.roles = ['member', 'referent']
    let asked: URLSearchParams | undefined
    server.use(
      http.get(api('/me'), () => HttpResponse.json(remi, { headers: { ETag: '"1"' } })),
      http.get(api('/products'), ({ request }) => {
        asked = new URL(request.url).searchParams
        return HttpResponse.json({ items: [pommes], nextCursor: null })
      }),
    )
    const wrapper = await renderApp('/gestion/saisie-stock')
    await choose(wrapper)

    expect(asked?.get('q')).toBe('pom')
    expect(asked?.get('referentId')).toBe(remi.id)
  })
})
