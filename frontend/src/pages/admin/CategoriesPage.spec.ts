import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Category } from '../../features/catalog/model'
import { categories, epicerie } from '../../test/catalog'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, problem } from '../../test/http'
import { choose, click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

function serveCategories(all: Category[]) {
  server.use(http.get(api('/categories'), () => HttpResponse.json({ items: all })))
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe("the admins' categories", () => {
  it('shows the two-level tree by name, each leading to its products', async () => {
    serveCategories(categories)
    const wrapper = await renderApp('/gestion/categories')

    const tree = wrapper.get('[data-testid="category-tree"]')
    expect(tree.findAll(':scope > li > a').map((a) => a.text())).toEqual(['Épicerie', 'Fruits et légumes'])
    expect(tree.findAll('li li').map((li) => li.text())).toEqual(['Miel et confitures'])
    expect(tree.get('a').attributes('href')).toBe(`/gestion/produits?categorie=${epicerie.id}`)
  })

  it('creates a sub-category under a top-level one, and shows it in the tree', async () => {
    serveCategories(categories)
    let sent: unknown
    const pasta: Category = { id: 'd0000000-0000-4000-8000-000000000003', name: 'Pâtes et riz', parentId: epicerie.id }
    server.use(
      http.post(api('/categories'), async ({ request }) => {
        sent = await request.json()
        serveCategories([...categories, pasta])
        return HttpResponse.json(pasta, { status: 201 })
      }),
    )
    const wrapper = await renderApp('/gestion/categories')

    await wrapper.get('input#category-name').setValue(' Pâtes et riz ')
    await choose(wrapper, '#category-parent', 'Épicerie')
    await click(wrapper, 'Créer la catégorie')

    expect(sent).toEqual({ name: 'Pâtes et riz', parentId: epicerie.id })
    expect(document.body.textContent).toContain('Catégorie « Pâtes et riz » créée')
    expect(wrapper.findAll('[data-testid="category-tree"] li li').map((li) => li.text())).toEqual(['Miel et confitures', 'Pâtes et riz'])
    expect(wrapper.get<HTMLInputElement>('input#category-name').element.value).toBe('')
  })

  it("offers only top-level categories as parents: the tree has two levels", async () => {
    serveCategories(categories)
    const wrapper = await renderApp('/gestion/categories')

    await wrapper.get('#category-parent').trigger('click')

    const options = Array.from(document.body.querySelectorAll('[role="option"]')).map((o) => o.textContent?.trim())
    expect(options).toEqual(['Aucune (catégorie principale)', 'Épicerie', 'Fruits et légumes'])
  })

  it("shows the server's refusals: a name beside its field, a duplicate in its words", async () => {
    serveCategories(categories)
    server.use(http.post(api('/categories'), () => problem(400, { errors: [{ field: 'name', message: '80 caractères au plus' }] })))
    const wrapper = await renderApp('/gestion/categories')

    await wrapper.get('input#category-name').setValue('Épicerie')
    await click(wrapper, 'Créer la catégorie')
    expect(wrapper.get('#category-name-error').text()).toBe('80 caractères au plus')

    server.use(http.post(api('/categories'), () => problem(409, { detail: 'La catégorie « Épicerie » existe déjà à cet endroit.' })))
    await click(wrapper, 'Créer la catégorie')
    expect(wrapper.get('[role="alert"]').text()).toBe('La catégorie « Épicerie » existe déjà à cet endroit.')
  })
})
