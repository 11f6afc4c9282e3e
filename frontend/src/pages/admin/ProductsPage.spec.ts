import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Product } from '../../features/catalog/model'
import { categories, ferme, miel, miels, pommes, suppliers } from '../../test/catalog'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { choose, click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const retired: Product = { ...pommes, id: 'e0000000-0000-4000-8000-000000000009', name: 'Poires Williams', active: false }

/** Answers like the backend: filters, inactive products only when asked, one product per page. */
function serveProducts(all: Product[], asked: URLSearchParams[] = []) {
  server.use(
    http.get(api('/categories'), () => HttpResponse.json({ items: categories })),
    http.get(api('/suppliers'), () => HttpResponse.json({ items: suppliers, nextCursor: null })),
    http.get(api('/products'), ({ request }) => {
      const query = new URL(request.url).searchParams
      asked.push(query)
      const matching = all
        .filter((p) => query.get('includeInactive') === 'true' || p.active)
        .filter((p) => !query.get('q') || p.name.toLowerCase().includes(query.get('q')!))
        .filter((p) => !query.get('supplierId') || p.supplierId === query.get('supplierId'))
        .filter((p) => !query.get('cursor') || p.name > query.get('cursor')!)
      const page = matching.slice(0, 1)
      return HttpResponse.json({ items: page, nextCursor: matching.length > 1 ? page[0]!.name : null })
    }),
  )
  return asked
}

const rows = (wrapper: Awaited<ReturnType<typeof renderApp>>) => wrapper.findAll('tbody tr').map((row) => plain(row.text()))

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe("the admins' product table", () => {
  it('shows each product with its shelf, supplier, price, stock and state, and more on demand', async () => {
    const asked = serveProducts([miel, pommes])
    const wrapper = await renderApp('/gestion/produits')

    expect(wrapper.get('h1').text()).toBe('Produits')
    expect(rows(wrapper)).toHaveLength(1)
    expect(rows(wrapper)[0]).toContain('Miel de fleurs')
    expect(rows(wrapper)[0]).toContain(miels.name)
    expect(rows(wrapper)[0]).toContain('Rucher des Coteaux')
    expect(rows(wrapper)[0]).toContain('8,90 € / pièce')
    expect(rows(wrapper)[0]).toContain('24 pièce')
    expect(rows(wrapper)[0]).toContain('Sur le drive')

    await click(wrapper, 'Voir plus')

    expect(asked.at(-1)?.get('cursor')).toBe('Miel de fleurs')
    expect(rows(wrapper)).toHaveLength(2)
    expect(rows(wrapper)[1]).toContain('Pommes Reinette')
    expect(rows(wrapper)[1]).toContain('2,90 € / kg')
    expect(rows(wrapper)[1]).toContain('Hors drive')
  })

  it('searches, filters by supplier and shows deactivated products on demand, in the address', async () => {
    const asked = serveProducts([miel, pommes, retired])
    const wrapper = await renderApp('/gestion/produits')

    await choose(wrapper, '[aria-label="Filtrer par fournisseur"]', ferme.name)
    expect(asked.at(-1)?.get('supplierId')).toBe(ferme.id)
    expect(rows(wrapper).join()).not.toContain('Poires Williams')

    await wrapper.get('#include-inactive').setValue(true)
    await flushPromises()
    expect(asked.at(-1)?.get('includeInactive')).toBe('true')
    expect(wrapper.vm.$route.query).toEqual({ fournisseur: ferme.id, inactifs: 'oui' })

    await wrapper.get('input[type="search"]').setValue('poires')
    await new Promise((resolve) => setTimeout(resolve, 350))
    await flushPromises()

    expect(asked.at(-1)?.get('q')).toBe('poires')
    expect(rows(wrapper)).toHaveLength(1)
    expect(rows(wrapper)[0]).toContain('Poires Williams')
    expect(rows(wrapper)[0]).toContain('Désactivé')
  })

  it('says when no product matches', async () => {
    serveProducts([])
    const wrapper = await renderApp('/gestion/produits?q=zzz')

    expect(wrapper.get<HTMLInputElement>('input[type="search"]').element.value).toBe('zzz')
    expect(wrapper.text()).toContain('Aucun produit ne correspond.')
  })
})

describe('the catalogue export', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('downloads the CSV with the bearer token', async () => {
    serveProducts([miel])
    let authorization: string | null = null
    server.use(
      http.get(api('/products/export'), ({ request }) => {
        authorization = request.headers.get('Authorization')
        return new HttpResponse('\ufeffRéférence fournisseur;Nom;Prix TTC\nMIEL-500;Miel de fleurs;8,90\n', {
          headers: { 'Content-Type': 'text/csv' },
        })
      }),
    )
    // jsdom has no downloads: look at what the page hands to the browser.
    let downloaded: Blob | undefined
    URL.createObjectURL = vi.fn((blob: Blob) => {
      downloaded = blob
      return 'blob:catalogue'
    })
    URL.revokeObjectURL = vi.fn()
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^catalogue-\d{4}-\d{2}-\d{2}\.csv$/)
      expect(this.href).toBe('blob:catalogue')
    })
    const wrapper = await renderApp('/gestion/produits')

    await click(wrapper, 'Exporter le catalogue (CSV)')

    expect(authorization).toBe('Bearer test-token')
    expect(clicked).toHaveBeenCalledOnce()
    expect(await downloaded?.text()).toContain('MIEL-500;Miel de fleurs;8,90')
  })

  it('says so when the export fails', async () => {
    serveProducts([miel])
    server.use(http.get(api('/products/export'), () => problem(403)))
    const wrapper = await renderApp('/gestion/produits')

    await click(wrapper, 'Exporter le catalogue (CSV)')

    expect(document.body.textContent).toContain("L'export n'a pas abouti")
    expect(document.body.textContent).toContain("Vous n'avez pas le droit de faire cela.")
  })
})
