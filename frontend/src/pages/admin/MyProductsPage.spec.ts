import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { productInput, type Product, type ProductInput } from '../../features/catalog/model'
import { miel, remi } from '../../test/catalog'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { click, typeInto } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const confiture: Product = { ...miel, id: 'e0000000-0000-4000-8000-000000000006', name: 'Confiture de fraises', priceCents: 520, availableOnDrive: false }

function serveMine(asked: URLSearchParams[] = []) {
  server.use(
    http.get(api('/me'), () => HttpResponse.json(remi, { headers: { ETag: '"1"' } })),
    http.get(api('/products'), ({ request }) => {
      const query = new URL(request.url).searchParams
      asked.push(query)
      return HttpResponse.json({ items: query.get('referentId') === remi.id ? [confiture, miel] : [], nextCursor: null })
    }),
    http.get(api('/products/:id'), ({ params }) =>
      HttpResponse.json(params.id === miel.id ? miel : confiture, { headers: { ETag: '"7"' } }),
    ),
  )
  return asked
}

const navLinks = (wrapper: Awaited<ReturnType<typeof renderApp>>, label: string) =>
  wrapper.get(`nav[aria-label="${label}"]`).findAll('a').map((a) => a.text())

beforeEach(() => {
  keycloakSession.roles = ['member', 'referent']
})

describe('a référent in the management area', () => {
  it('finds it in the navigation, opening on their products, with only the sections they may use', async () => {
    serveMine()
    const wrapper = await renderApp('/')
    expect(navLinks(wrapper, 'Navigation principale')).toContain('Gestion')

    await wrapper.vm.$router.push('/gestion')
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Mes produits'), { timeout: 5000 })

    expect(wrapper.vm.$route.path).toBe('/gestion/mes-produits')
    await vi.waitFor(() => expect(wrapper.findAll('tbody tr')).toHaveLength(2))
    expect(navLinks(wrapper, 'Gestion')).toEqual(['Mes produits', 'Saisie de stock', 'Stock bas', 'Pertes', 'Heures à valider'])
  })

  it('sends a visitor to Keycloak, back to /gestion itself: the roles known then choose the first page', async () => {
    const { keycloakLogin } = await import('../../test/fakeKeycloak')
    keycloakSession.signedIn = false

    await renderApp('/gestion')

    expect(keycloakLogin).toHaveBeenCalledWith({ redirectUri: 'http://localhost:3000/gestion' })
  })

  it.each(['/gestion/adherents', '/gestion/produits', `/gestion/produits/${miel.id}`, '/gestion/fournisseurs', '/gestion/categories'])(
    'is stopped at the door of %s, which is for admins, without asking the API',
    async (path) => {
      // onUnhandledRequest: 'error' fails the test on any call the page would make.
      const wrapper = await renderApp(path)

      expect(wrapper.vm.$route.path).toBe('/acces-reserve')
      expect(wrapper.get('h1').text()).toBe('Accès réservé')
    },
  )

  it('lists the products they are the référent of, with their price, stock and ways to manage them', async () => {
    const asked = serveMine()
    const wrapper = await renderApp('/gestion/mes-produits')

    expect(asked.at(-1)?.get('referentId')).toBe(remi.id)
    const rows = wrapper.findAll('tbody tr').map((row) => plain(row.text()))
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('Confiture de fraises')
    expect(rows[0]).toContain('5,20 € / pièce')
    expect(rows[0]).toContain('Hors drive')
    expect(wrapper.get(`a[href="/gestion/mes-produits/${confiture.id}"]`).text()).toBe('Prix et disponibilité')
    expect(wrapper.get(`a[href="/gestion/saisie-stock?produit=${confiture.id}"]`).text()).toBe('Mouvement de stock')
  })
})

describe("a référent's product editor", () => {
  it('shows only what a référent may change: the price, the availability and the alert threshold', async () => {
    serveMine()
    const wrapper = await renderApp(`/gestion/mes-produits/${miel.id}`)

    expect(wrapper.get('h1').text()).toBe('Miel de fleurs')
    const inputs = wrapper.get('form').findAll('input').map((i) => i.attributes('id'))
    expect(inputs).toEqual(['product-price', 'product-on-drive', 'product-threshold'])
    expect(wrapper.find('textarea').exists()).toBe(false)
    expect(plain(wrapper.get<HTMLInputElement>('input#product-price').element.value)).toBe('8,90 €')
  })

  it('sends the product back unchanged but for the new price, with the version read', async () => {
    serveMine()
    let sent: { ifMatch: string | null; body: ProductInput } | undefined
    server.use(
      http.put(api('/products/:id'), async ({ request }) => {
        const body = (await request.json()) as ProductInput
        sent = { ifMatch: request.headers.get('If-Match'), body }
        return HttpResponse.json({ ...miel, ...body }, { headers: { ETag: '"8"' } })
      }),
    )
    const wrapper = await renderApp(`/gestion/mes-produits/${miel.id}`)

    await typeInto(wrapper, 'product-price', '9,20')
    await wrapper.get('#product-on-drive').setValue(false)
    await click(wrapper, 'Enregistrer')

    expect(sent).toEqual({ ifMatch: '"7"', body: { ...productInput(miel), priceCents: 920, availableOnDrive: false } })
    expect(document.body.textContent).toContain('Produit enregistré')
    expect(wrapper.text()).toContain('Hors drive')
  })

  it("shows a refusal of a field they have no input for, and a stale version with a way to reload", async () => {
    serveMine()
    server.use(
      http.put(api('/products/:id'), () =>
        problem(400, { errors: [{ field: 'name', message: 'réservé aux administrateurs' }] }),
      ),
    )
    const wrapper = await renderApp(`/gestion/mes-produits/${miel.id}`)

    await click(wrapper, 'Enregistrer')
    expect(wrapper.get('[role="alert"]').text()).toContain('name : réservé aux administrateurs')

    server.use(http.put(api('/products/:id'), () => problem(412)))
    await click(wrapper, 'Enregistrer')
    expect(wrapper.get('[role="alert"]').text()).toContain("Quelqu'un d'autre a modifié ce produit")

    server.use(http.get(api('/products/:id'), () => HttpResponse.json({ ...miel, priceCents: 950 }, { headers: { ETag: '"9"' } })))
    await click(wrapper, 'Recharger le produit')
    await flushPromises()

    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(plain(wrapper.get<HTMLInputElement>('input#product-price').element.value)).toBe('9,50 €')
  })
})

describe("an admin's management navigation", () => {
  it('offers the catalogue sections, and no "Mes produits" to an admin who is not a référent', async () => {
    keycloakSession.roles = ['member', 'admin']
    server.use(http.get(api('/members'), () => HttpResponse.json({ items: [], nextCursor: null })))
    const wrapper = await renderApp('/gestion/adherents')

    const links = navLinks(wrapper, 'Gestion')
    expect(links).toEqual(expect.arrayContaining(['Adhérents', 'Produits', 'Fournisseurs', 'Catégories', 'Saisie de stock', 'Statistiques']))
    expect(links).not.toContain('Mes produits')
  })
})
