import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Product } from '../../features/catalog/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api } from '../../test/http'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const miel: Product = {
  id: '00000000-0000-0000-0000-0000000000d1',
  name: 'Miel de lavande',
  categoryId: '00000000-0000-0000-0000-0000000000c1',
  supplierId: '00000000-0000-0000-0000-0000000000s1',
  unit: 'KG',
  orderStep: 0.5,
  priceCents: 1450,
  vatRate: '5.5',
  labels: [],
  active: true,
  availableOnDrive: true,
  stockOnHand: 1.5,
  onHand: 3.5,
  reserved: 2,
  available: 1.5,
  lowStockThreshold: 4,
  currency: 'EUR',
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the low stock', () => {
  it('lists the products under their threshold with what is on the shelf, reserved and available', async () => {
    server.use(http.get(api('/stock/low'), () => HttpResponse.json({ items: [miel] })))
    const wrapper = await renderApp('/gestion/stock-bas')

    expect(wrapper.get('h1').text()).toBe('Stock bas')
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Produit', 'En rayon', 'Réservé', 'Disponible', 'Seuil'])
    const row = wrapper.get('tbody tr').text()
    expect(row).toContain('Miel de lavande')
    const cells = wrapper.findAll('tbody tr td').map((cell) => cell.text())
    expect(cells).toEqual(['Miel de lavande', '3,5 kg', '2 kg', '1,5 kg', '4 kg'])
  })
})
