import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Supplier, SupplierInput } from '../../features/catalog/model'
import { miel, rucher } from '../../test/catalog'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { click, typeInto } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const page = `/gestion/fournisseurs/${rucher.id}`
const retired = { ...miel, id: 'e0000000-0000-4000-8000-000000000010', name: 'Pain d’épices', supplierReference: null, active: false }

function serveSupplier(supplier: Supplier = rucher, etag = '"2"') {
  server.use(http.get(api('/suppliers/:id'), () => HttpResponse.json(supplier, { headers: { ETag: etag } })))
}

function serveItsProducts(asked: URLSearchParams[] = []) {
  server.use(
    http.get(api('/products'), ({ request }) => {
      asked.push(new URL(request.url).searchParams)
      return HttpResponse.json({ items: [miel, retired], nextCursor: null })
    }),
  )
  return asked
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe("an admin's supplier page", () => {
  it('shows the supplier in its form, and all its products, deactivated ones included', async () => {
    serveSupplier()
    const asked = serveItsProducts()
    const wrapper = await renderApp(page)

    expect(wrapper.get('h1').text()).toBe('Rucher des Coteaux')
    expect(wrapper.get<HTMLInputElement>('input#supplier-locality').element.value).toBe('Saint-Jean-de-Braye')
    expect(wrapper.get<HTMLInputElement>('input#supplier-distance').element.value).toBe('12')
    expect(wrapper.get('form').find('button[aria-pressed="true"]').text()).toBe('Producteur')
    expect(asked.at(-1)?.get('supplierId')).toBe(rucher.id)
    expect(asked.at(-1)?.get('includeInactive')).toBe('true')
    const rows = wrapper.findAll('tbody tr').map((row) => plain(row.text()))
    expect(rows[0]).toContain('Miel de fleurs')
    expect(rows[0]).toContain('MIEL-500')
    expect(rows[1]).toContain('Désactivé')
    expect(wrapper.get(`a[href="/gestion/produits/${miel.id}"]`).text()).toBe('Miel de fleurs')
    expect(wrapper.get(`a[href="/gestion/produits/nouveau?fournisseur=${rucher.id}"]`).text()).toBe('Ajouter un produit')
  })

  it('saves the changes with the version read', async () => {
    serveSupplier()
    serveItsProducts()
    let sent: { ifMatch: string | null; body: SupplierInput } | undefined
    server.use(
      http.put(api('/suppliers/:id'), async ({ request }) => {
        const body = (await request.json()) as SupplierInput
        sent = { ifMatch: request.headers.get('If-Match'), body }
        return HttpResponse.json({ ...rucher, ...body }, { headers: { ETag: '"3"' } })
      }),
    )
    const wrapper = await renderApp(page)

    await click(wrapper, 'Grossiste')
    await typeInto(wrapper, 'supplier-distance', '15')
    await wrapper.get('textarea#supplier-notes').setValue('  ')
    await click(wrapper, 'Enregistrer')

    expect(sent).toEqual({
      ifMatch: '"2"',
      body: {
        name: 'Rucher des Coteaux',
        kind: 'WHOLESALER',
        locality: 'Saint-Jean-de-Braye',
        distanceKm: 15,
        contact: '06 11 22 33 44',
        notes: null,
      },
    })
    expect(document.body.textContent).toContain('Fournisseur enregistré')
  })

  it("shows the server's refusal beside its field, and a stale version with a way to reload", async () => {
    serveSupplier()
    serveItsProducts()
    server.use(
      http.put(api('/suppliers/:id'), () => problem(400, { errors: [{ field: 'contact', message: '200 caractères au plus' }] })),
    )
    const wrapper = await renderApp(page)

    await click(wrapper, 'Enregistrer')
    expect(wrapper.get('#supplier-contact-error').text()).toBe('200 caractères au plus')

    server.use(http.put(api('/suppliers/:id'), () => problem(412)))
    await click(wrapper, 'Enregistrer')
    expect(wrapper.get('[role="alert"]').text()).toContain("Quelqu'un d'autre a modifié ce fournisseur")

    serveSupplier({ ...rucher, locality: 'Orléans' }, '"5"')
    await click(wrapper, 'Recharger le fournisseur')
    await flushPromises()
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.get<HTMLInputElement>('input#supplier-locality').element.value).toBe('Orléans')
  })

  it('creates a supplier, a name first, then opens it', async () => {
    let created: unknown
    const fresh: Supplier = { id: 'c0000000-0000-4000-8000-0000000000bb', name: 'Moulin de la Mauve', kind: 'PRODUCER', locality: 'Meung-sur-Loire', distanceKm: null, contact: null, notes: null }
    server.use(
      http.post(api('/suppliers'), async ({ request }) => {
        created = await request.json()
        serveSupplier(fresh, '"0"')
        return HttpResponse.json(fresh, { status: 201, headers: { ETag: '"0"' } })
      }),
    )
    serveItsProducts()
    const wrapper = await renderApp('/gestion/fournisseurs/nouveau')
    expect(wrapper.get('h1').text()).toBe('Nouveau fournisseur')

    await click(wrapper, 'Créer le fournisseur')
    expect(created).toBeUndefined()
    expect(wrapper.get('#supplier-name-error').text()).toBe('Indiquez un nom (120 caractères au plus).')

    await wrapper.get('input#supplier-name').setValue('Moulin de la Mauve')
    await wrapper.get('input#supplier-locality').setValue('Meung-sur-Loire')
    await click(wrapper, 'Créer le fournisseur')

    expect(created).toEqual({ name: 'Moulin de la Mauve', kind: 'PRODUCER', locality: 'Meung-sur-Loire', distanceKm: null, contact: null, notes: null })
    await vi.waitFor(() => expect(wrapper.vm.$route.path).toBe(`/gestion/fournisseurs/${fresh.id}`))
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('Moulin de la Mauve')
  })
})

describe('the suppliers list', () => {
  it('leads to each supplier and to a new one', async () => {
    server.use(http.get(api('/suppliers'), () => HttpResponse.json({ items: [rucher], nextCursor: null })))
    const wrapper = await renderApp('/gestion/fournisseurs')

    expect(wrapper.get(`a[href="${page}"]`).text()).toBe('Rucher des Coteaux')
    expect(wrapper.get(`a[href="${page}/import"]`).text()).toBe('Importer un tarif')
    expect(wrapper.findAll('button').map((b) => b.text())).toContain('Nouveau fournisseur')
  })
})
