import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Member } from '../../features/members/meStore'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, problem } from '../../test/http'
import { choose, click } from '../../test/interact'
import { alice } from '../../test/member'
import { bruno } from '../../test/memberships'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const camille: Member = { ...alice, id: 'a0000000-0000-4000-8000-000000000001', memberNumber: 'A-0001', firstName: 'Camille', lastName: 'Durand', email: 'camille@panier.example' }
const sophie: Member = { ...bruno, id: 'a0000000-0000-4000-8000-000000000005', memberNumber: 'A-0005', firstName: 'Sophie', lastName: 'Girard', email: 'sophie@example.org', status: 'SUSPENDED' }

/** Answers like the backend: q and status filter, two members per page, cursor = last number. */
function serveMembers(all: Member[], asked: URLSearchParams[] = []) {
  server.use(
    http.get(api('/members'), ({ request }) => {
      const query = new URL(request.url).searchParams
      asked.push(query)
      const q = query.get('q')?.toLowerCase()
      const matching = all
        .filter((m) => !q || `${m.firstName} ${m.lastName} ${m.email} ${m.memberNumber}`.toLowerCase().includes(q))
        .filter((m) => !query.get('status') || m.status === query.get('status'))
        .filter((m) => !query.get('cursor') || m.memberNumber > query.get('cursor')!)
      const page = matching.slice(0, 2)
      const nextCursor = matching.length > 2 ? page.at(-1)!.memberNumber : null
      return HttpResponse.json({ items: page, nextCursor })
    }),
  )
  return asked
}

const rows = (wrapper: Awaited<ReturnType<typeof renderApp>>) =>
  wrapper.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()))

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the members table', () => {
  it('lists members by number with their status, and shows more on demand', async () => {
    const asked = serveMembers([camille, alice, bruno, sophie])
    const wrapper = await renderApp('/gestion/adherents')

    expect(rows(wrapper).map((cells) => cells[0])).toEqual(['A-0001', 'A-0003'])
    expect(rows(wrapper)[0]).toContain('Active')
    expect(wrapper.text()).toContain('camille@panier.example')

    await click(wrapper, 'Voir plus')

    expect(asked.at(-1)?.get('cursor')).toBe('A-0003')
    expect(rows(wrapper).map((cells) => cells[0])).toEqual(['A-0001', 'A-0003', 'A-0004', 'A-0005'])
    expect(rows(wrapper)[3]).toContain('Suspendue')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Voir plus')).toBe(false)
  })

  it('searches by name as the admin types, after a pause, and keeps the search in the address', async () => {
    const asked = serveMembers([camille, alice, bruno, sophie])
    const wrapper = await renderApp('/gestion/adherents')
    const before = asked.length

    await wrapper.get('input[type="search"]').setValue('mor')
    await new Promise((resolve) => setTimeout(resolve, 350))
    await flushPromises()

    expect(asked.length).toBe(before + 1)
    expect(asked.at(-1)?.get('q')).toBe('mor')
    expect(rows(wrapper).map((cells) => cells[0])).toEqual(['A-0004'])
    expect(wrapper.vm.$route.query).toEqual({ q: 'mor' })
  })

  it('opens the member clicked while a search was still waiting for its pause', async () => {
    serveMembers([bruno])
    server.use(
      http.get(api('/members/:id'), () => HttpResponse.json(bruno, { headers: { ETag: '"2"' } })),
      http.get(api('/members/:id/status-changes'), () => HttpResponse.json({ items: [] })),
    )
    const wrapper = await renderApp('/gestion/adherents')

    await wrapper.get('input[type="search"]').setValue('Moreau')
    await wrapper.get('tbody a').trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 400))

    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Bruno Moreau'), { timeout: 3000 })
    expect(wrapper.vm.$route.fullPath).toBe(`/gestion/adherents/${bruno.id}`)
  })

  it('filters by status', async () => {
    const asked = serveMembers([camille, alice, bruno, sophie])
    const wrapper = await renderApp('/gestion/adherents')

    await choose(wrapper, '[aria-label="Filtrer par statut"]', 'Suspendue')

    expect(asked.at(-1)?.get('status')).toBe('SUSPENDED')
    expect(rows(wrapper).map((cells) => cells[0])).toEqual(['A-0005'])
    expect(wrapper.vm.$route.query).toEqual({ statut: 'SUSPENDED' })
  })

  it('says when nobody matches', async () => {
    serveMembers([])
    const wrapper = await renderApp('/gestion/adherents?q=zzz')

    expect(wrapper.get<HTMLInputElement>('input[type="search"]').element.value).toBe('zzz')
    expect(wrapper.text()).toContain('Aucun adhérent ne correspond.')
  })

  it('opens a member from the table', async () => {
    serveMembers([bruno])
    server.use(
      http.get(api('/members/:id'), () => HttpResponse.json(bruno, { headers: { ETag: '"2"' } })),
      http.get(api('/members/:id/status-changes'), () => HttpResponse.json({ items: [] })),
    )
    const wrapper = await renderApp('/gestion/adherents')

    await wrapper.get('tbody a').trigger('click')

    // The member's page is loaded on demand.
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Bruno Moreau'), { timeout: 5000 })
    expect(wrapper.vm.$route.path).toBe(`/gestion/adherents/${bruno.id}`)
  })
})

describe('registering a member', () => {
  it('checks the form, sends it, and opens the new member', async () => {
    let created: unknown
    server.use(
      http.post(api('/members'), async ({ request }) => {
        created = await request.json()
        return HttpResponse.json({ ...sophie, status: 'PENDING' }, { status: 201, headers: { ETag: '"0"' } })
      }),
      http.get(api('/members/:id'), () => HttpResponse.json({ ...sophie, status: 'PENDING' }, { headers: { ETag: '"0"' } })),
      http.get(api('/members/:id/status-changes'), () => HttpResponse.json({ items: [] })),
    )
    const wrapper = await renderApp('/gestion/adherents/nouveau')

    await wrapper.get('input#email').setValue('sophie.example.org')
    await click(wrapper, "Inscrire l'adhérent")
    expect(created).toBeUndefined()
    expect(wrapper.get('#first-name-error').text()).toBe('Le prénom est obligatoire.')
    expect(wrapper.get('#email-error').text()).toBe('Adresse e-mail invalide.')

    await wrapper.get('input#first-name').setValue('Sophie')
    await wrapper.get('input#last-name').setValue('Girard')
    await wrapper.get('input#email').setValue('sophie@example.org')
    await click(wrapper, "Inscrire l'adhérent")

    expect(created).toEqual({ firstName: 'Sophie', lastName: 'Girard', email: 'sophie@example.org', phone: null })
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Sophie Girard'), { timeout: 5000 })
    expect(document.body.textContent).toContain('Adhérent A-0005 inscrit')
  })

  it("shows the server's refusal of an e-mail already taken", async () => {
    server.use(
      http.post(api('/members'), () =>
        problem(409, { detail: "L'adresse e-mail sophie@example.org est déjà celle d'un autre adhérent." }),
      ),
    )
    const wrapper = await renderApp('/gestion/adherents/nouveau')

    await wrapper.get('input#first-name').setValue('Sophie')
    await wrapper.get('input#email').setValue('sophie@example.org')
    await click(wrapper, "Inscrire l'adhérent")

    expect(wrapper.get('[role="alert"]').text()).toBe(
      "L'adresse e-mail sophie@example.org est déjà celle d'un autre adhérent.",
    )
  })
})

describe('the CSV export', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('downloads the file with the bearer token', async () => {
    serveMembers([bruno])
    let authorization: string | null = null
    server.use(
      http.get(api('/members/export'), ({ request }) => {
        authorization = request.headers.get('Authorization')
        return new HttpResponse('\ufeffnuméro;prénom\nA-0004;Bruno\n', { headers: { 'Content-Type': 'text/csv' } })
      }),
    )
    // jsdom has no downloads: look at what the page hands to the browser.
    let downloaded: Blob | undefined
    URL.createObjectURL = vi.fn((blob: Blob) => {
      downloaded = blob
      return 'blob:adherents'
    })
    URL.revokeObjectURL = vi.fn()
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^adherents-\d{4}-\d{2}-\d{2}\.csv$/)
      expect(this.href).toBe('blob:adherents')
    })
    const wrapper = await renderApp('/gestion/adherents')

    await click(wrapper, 'Exporter en CSV')

    expect(authorization).toBe('Bearer test-token')
    expect(clicked).toHaveBeenCalledOnce()
    expect(await downloaded?.text()).toContain('A-0004;Bruno')
  })

  it('says so when the export fails', async () => {
    serveMembers([bruno])
    server.use(http.get(api('/members/export'), () => problem(403)))
    const wrapper = await renderApp('/gestion/adherents')

    await click(wrapper, 'Exporter en CSV')

    expect(document.body.textContent).toContain("L'export n'a pas abouti")
    expect(document.body.textContent).toContain("Vous n'avez pas le droit de faire cela.")
  })
})
