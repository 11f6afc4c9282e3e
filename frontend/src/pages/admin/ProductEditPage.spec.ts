import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Product, ProductInput } from '../../features/catalog/model'
import { categories, miel, miels, pommes, remi, rucher, suppliers } from '../../test/catalog'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { choose, click, typeInto } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

function serveFrame() {
  server.use(
    http.get(api('/categories'), () => HttpResponse.json({ items: categories })),
    http.get(api('/suppliers'), () => HttpResponse.json({ items: suppliers, nextCursor: null })),
    http.get(api('/members/:id'), ({ params }) => (params.id === remi.id ? HttpResponse.json(remi) : problem(404))),
  )
}

function serveProduct(product: Product, etag = '"3"') {
  server.use(http.get(api('/products/:id'), () => HttpResponse.json(product, { headers: { ETag: etag } })))
}

type Sent = { ifMatch: string | null; body: ProductInput }
function acceptWrites(sent: Sent[]) {
  const answer = async (request: Request, status: number) => {
    const body = (await request.json()) as ProductInput
    sent.push({ ifMatch: request.headers.get('If-Match'), body })
    const saved = { ...miel, id: 'e0000000-0000-4000-8000-0000000000aa', ...body, stockOnHand: 0, onHand: 0, reserved: 0, available: 0 }
    serveProduct(saved, '"4"')
    return HttpResponse.json(saved, { status, headers: { ETag: '"4"' } })
  }
  server.use(
    http.post(api('/products'), ({ request }) => answer(request, 201)),
    http.put(api('/products/:id'), ({ request }) => answer(request, 200)),
  )
}

const input = (wrapper: Awaited<ReturnType<typeof renderApp>>, id: string) => wrapper.get<HTMLInputElement>(`input#${id}`).element

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
  serveFrame()
})

describe("an admin's product editor", () => {
  it('shows every field of the product, its référent by name', async () => {
    serveProduct(miel)
    const wrapper = await renderApp(`/gestion/produits/${miel.id}`)

    expect(wrapper.get('h1').text()).toBe('Miel de fleurs')
    expect(wrapper.get('[data-testid="stock-onHand"]').text()).toBe('En rayon24 pièce')
    expect(wrapper.get('[data-testid="stock-available"]').text()).toBe('Disponible24 pièce')
    expect(input(wrapper, 'product-name').value).toBe('Miel de fleurs')
    expect(wrapper.get<HTMLTextAreaElement>('textarea#product-description').element.value).toBe('Pot de 500 g, récolte de printemps')
    expect(wrapper.get('#product-category').text()).toBe(miels.name)
    expect(wrapper.get('#product-supplier').text()).toBe(rucher.name)
    expect(input(wrapper, 'product-reference').value).toBe('MIEL-500')
    expect(input(wrapper, 'product-origin').value).toBe('Loiret')
    expect(plain(input(wrapper, 'product-price').value)).toBe('8,90 €')
    expect(input(wrapper, 'product-step').value).toBe('1')
    expect(input(wrapper, 'product-threshold').value).toBe('5')
    expect(input(wrapper, 'product-referent').value).toBe('Rémi Lefèvre (A-0002)')
    expect(input(wrapper, 'product-label-ORGANIC').checked).toBe(true)
    expect(input(wrapper, 'product-label-SEASONAL').checked).toBe(false)
    expect(input(wrapper, 'product-active').checked).toBe(true)
    expect(input(wrapper, 'product-on-drive').checked).toBe(true)
    const pressed = wrapper.get('form').findAll('button[aria-pressed="true"]').map((b) => plain(b.text()))
    expect(pressed).toEqual(['pièce', '5,5 %'])
  })

  it('saves the changes with the version read, the price in cents, and deactivates rather than deletes', async () => {
    serveProduct(miel)
    const sent: Sent[] = []
    acceptWrites(sent)
    const wrapper = await renderApp(`/gestion/produits/${miel.id}`)

    await typeInto(wrapper, 'product-price', '9,45')
    await click(wrapper, '10 %')
    await wrapper.get('#product-label-FAIR_TRADE').setValue(true)
    await wrapper.get('#product-active').setValue(false)
    await click(wrapper, 'Enregistrer')

    expect(sent).toEqual([
      {
        ifMatch: '"3"',
        body: {
          name: 'Miel de fleurs',
          description: 'Pot de 500 g, récolte de printemps',
          categoryId: miels.id,
          supplierId: rucher.id,
          supplierReference: 'MIEL-500',
          unit: 'PIECE',
          orderStep: 1,
          priceCents: 945,
          vatRate: '10',
          labels: ['ORGANIC', 'LOCAL', 'FAIR_TRADE'],
          origin: 'Loiret',
          active: false,
          availableOnDrive: true,
          referentId: remi.id,
          lowStockThreshold: 5,
        },
      },
    ])
    expect(wrapper.text()).toContain('Désactivé')
    expect(document.body.textContent).toContain('Produit enregistré')

    // The next write names the version the last one returned.
    await click(wrapper, 'Enregistrer')
    expect(sent[1]?.ifMatch).toBe('"4"')
  })

  it("shows the server's refusals beside their fields", async () => {
    serveProduct(miel)
    server.use(
      http.put(api('/products/:id'), () =>
        problem(400, {
          errors: [
            { field: 'supplierReference', message: 'ce fournisseur a déjà un produit sous cette référence' },
            { field: 'orderStep', message: 'trois décimales au plus' },
          ],
        }),
      ),
    )
    const wrapper = await renderApp(`/gestion/produits/${miel.id}`)

    await click(wrapper, 'Enregistrer')

    expect(wrapper.get('#product-reference-error').text()).toBe('ce fournisseur a déjà un produit sous cette référence')
    expect(wrapper.get('input#product-reference').attributes('aria-describedby')).toBe('product-reference-error')
    expect(wrapper.get('#product-step-error').text()).toBe('trois décimales au plus')
    expect(wrapper.get('[role="alert"]').text()).toBe('Certaines informations sont invalides.')
  })

  it('says in plain words that someone else changed the product, and reloads it on demand', async () => {
    serveProduct(miel)
    server.use(http.put(api('/products/:id'), () => problem(412)))
    const wrapper = await renderApp(`/gestion/produits/${miel.id}`)

    await typeInto(wrapper, 'product-price', '9,45')
    await click(wrapper, 'Enregistrer')

    expect(wrapper.get('[role="alert"]').text()).toBe(
      "Quelqu'un d'autre a modifié ce produit pendant que vous le modifiiez. Rechargez-le pour voir ses nouvelles valeurs, puis refaites vos changements.",
    )

    serveProduct({ ...miel, priceCents: 990, name: 'Miel de fleurs bio' }, '"5"')
    const sent: Sent[] = []
    await click(wrapper, 'Recharger le produit')

    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(input(wrapper, 'product-name').value).toBe('Miel de fleurs bio')
    expect(plain(input(wrapper, 'product-price').value)).toBe('9,90 €')

    acceptWrites(sent)
    await click(wrapper, 'Enregistrer')
    expect(sent[0]?.ifMatch).toBe('"5"')
  })

  it('creates a product: checks it first, then opens it', async () => {
    const sent: Sent[] = []
    acceptWrites(sent)
    const wrapper = await renderApp('/gestion/produits/nouveau')
    expect(wrapper.get('h1').text()).toBe('Nouveau produit')

    await click(wrapper, 'Créer le produit')
    expect(sent).toEqual([])
    expect(wrapper.get('#product-name-error').text()).toBe('Indiquez un nom (120 caractères au plus).')
    expect(wrapper.get('#product-category-error').text()).toBe('Choisissez une catégorie.')
    expect(wrapper.get('#product-supplier-error').text()).toBe('Choisissez un fournisseur.')
    expect(wrapper.get('#product-price-error').text()).toBe('Indiquez un prix (0 € au moins).')

    await wrapper.get('input#product-name').setValue('  Pommes Chantecler ')
    await choose(wrapper, '#product-category', 'Fruits et légumes')
    await choose(wrapper, '#product-supplier', 'Ferme du Val')
    await click(wrapper, 'kg')
    await typeInto(wrapper, 'product-step', '0,5')
    await typeInto(wrapper, 'product-price', '3,20')
    await click(wrapper, 'Créer le produit')

    expect(sent).toEqual([
      {
        ifMatch: null,
        body: {
          name: 'Pommes Chantecler',
          description: null,
          categoryId: pommes.categoryId,
          supplierId: pommes.supplierId,
          supplierReference: null,
          unit: 'KG',
          orderStep: 0.5,
          priceCents: 320,
          vatRate: '5.5',
          labels: [],
          origin: null,
          active: true,
          availableOnDrive: true,
          referentId: null,
          lowStockThreshold: null,
        },
      },
    ])
    await vi.waitFor(() => expect(wrapper.vm.$route.path).toBe('/gestion/produits/e0000000-0000-4000-8000-0000000000aa'))
    await flushPromises()
    expect(wrapper.get('h1').text()).toBe('Pommes Chantecler')
    expect(document.body.textContent).toContain('Produit créé')
  })

  it('says a deactivated product cannot be opened, as the API hides it', async () => {
    server.use(http.get(api('/products/:id'), () => problem(404)))
    const wrapper = await renderApp(`/gestion/produits/${pommes.id}`)

    expect(wrapper.get('[role="alert"]').text()).toContain('Ce produit est introuvable, ou il a été désactivé')
  })
})
