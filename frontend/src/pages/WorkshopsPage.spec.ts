import type { VueWrapper } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { Workshop } from '../features/workshops/model'
import { now } from '../test/drive'
import { keycloakSession } from '../test/fakeKeycloak'
import { api, problem } from '../test/http'
import { click, typeInto } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'
import { workshop } from '../test/workshops'

const cooking = workshop()
const full = workshop({ id: 'a7000000-0000-4000-8000-000000000003', title: 'Atelier pain', placesLeft: 0, waiting: 2 })

/** The server as a member meets it: a place while some are left, else the waiting list, in order. */
function serve(initial: Workshop[]) {
  let workshops = initial.map((w) => ({ ...w }))
  const find = (id: unknown) => workshops.find((w) => w.id === id)!
  const replace = (id: unknown, change: (w: Workshop) => Workshop) => {
    workshops = workshops.map((w) => (w.id === id ? change(w) : w))
  }
  server.use(
    http.get(api('/events'), () => HttpResponse.json({ items: workshops, nextCursor: null })),
    http.get(api('/events/:id'), ({ params }) => HttpResponse.json(find(params.id))),
    http.post(api('/events/:id/registrations'), ({ params }) => {
      const w = find(params.id)
      const waiting = !w.placesLeft
      replace(params.id, (x) =>
        waiting
          ? { ...x, registrationStatus: 'WAITING', waiting: x.waiting + 1, waitingPosition: x.waiting + 1 }
          : { ...x, registrationStatus: 'CONFIRMED', placesLeft: x.placesLeft - 1 },
      )
      const after = find(params.id)
      return HttpResponse.json(
        { id: 'b7000000-0000-4000-8000-000000000001', workshopId: w.id, status: after.registrationStatus, waitingPosition: after.waitingPosition ?? null, registeredAt: now.toISOString() },
        { status: 201 },
      )
    }),
    http.delete(api('/events/:id/registrations/mine'), ({ params }) => {
      replace(params.id, (x) =>
        x.registrationStatus === 'WAITING'
          ? { ...x, registrationStatus: null, waitingPosition: null, waiting: x.waiting - 1 }
          : { ...x, registrationStatus: null, placesLeft: x.placesLeft + 1 },
      )
      return new HttpResponse(null, { status: 204 })
    }),
  )
}

const card = (wrapper: VueWrapper, w: Workshop) => wrapper.get(`[data-testid="workshop-${w.id}"]`) as unknown as VueWrapper

freezeClock()

describe('Ateliers', () => {
  it('lists the workshops ahead with day, hours, place, places left and waiting list', async () => {
    serve([cooking, full])
    const wrapper = await renderApp('/ateliers')

    expect(wrapper.get('h1').text()).toBe('Ateliers')
    const first = card(wrapper, cooking)
    expect(first.text()).toContain('Comment mieux manger ?')
    expect(first.text()).toContain('mercredi 16 décembre, 18:30 – 20:00')
    expect(first.text()).toContain('Local de la coop, 12 rue des Halles')
    expect(first.get('[data-testid="places"]').text()).toBe('3 places libres sur 12')
    const second = card(wrapper, full)
    expect(second.text()).toContain('Complet')
    expect(second.text()).toContain('2 personnes en liste d\'attente')
    expect(second.text()).toContain("Rejoindre la liste d'attente")
    expect(wrapper.text()).not.toContain('Proposer un atelier')
  })

  it('signs up in one tap, and withdraws', async () => {
    serve([cooking])
    const wrapper = await renderApp('/ateliers')

    await click(card(wrapper, cooking), "Je m'inscris")
    expect(card(wrapper, cooking).text()).toContain('Inscrit·e')
    expect(card(wrapper, cooking).get('[data-testid="places"]').text()).toBe('2 places libres sur 12')
    expect(document.body.textContent).toContain('Vous êtes inscrit·e : Comment mieux manger ?')

    await click(card(wrapper, cooking), 'Me désinscrire')
    expect(card(wrapper, cooking).text()).not.toContain('Inscrit·e')
    expect(card(wrapper, cooking).get('[data-testid="places"]').text()).toBe('3 places libres sur 12')
  })

  it('puts the member on the waiting list of a full workshop, with their position', async () => {
    serve([full])
    const wrapper = await renderApp('/ateliers')

    await click(card(wrapper, full), "Rejoindre la liste d'attente")
    expect(card(wrapper, full).text()).toContain("Liste d'attente : n° 3")
    expect(card(wrapper, full).get('[data-testid="waiting-note"]').text()).toContain("Vous êtes n° 3 sur la liste d'attente")
    expect(document.body.textContent).toContain("Vous êtes sur la liste d'attente : Atelier pain")

    await click(card(wrapper, full), "Quitter la liste d'attente")
    expect(card(wrapper, full).text()).not.toContain('Liste d')
  })

  it("says in the server's words why a registration is refused", async () => {
    serve([full])
    const detail = "Toutes les places sont prises et la liste d'attente est pleine."
    server.use(http.post(api('/events/:id/registrations'), () => problem(409, { type: 'https://panier.coop/problems/workshop-full', detail })))
    const wrapper = await renderApp('/ateliers')

    await click(card(wrapper, full), "Rejoindre la liste d'attente")
    expect(card(wrapper, full).get('[role="alert"]').text()).toBe(detail)
  })

  it('lets an admin publish a public workshop', async () => {
    keycloakSession.roles = ['member', 'admin']
    serve([])
    let sent: Record<string, unknown> | undefined
    server.use(
      http.post(api('/events'), async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(workshop({ id: 'a7000000-0000-4000-8000-000000000009', title: 'Disco soupe', public: true }), { status: 201 })
      }),
    )
    const wrapper = await renderApp('/ateliers')
    expect(wrapper.text()).toContain('Aucun atelier à venir')

    await click(wrapper, 'Proposer un atelier')
    await wrapper.get('input#workshop-title').setValue('  Disco soupe ')
    await wrapper.get('input#workshop-place').setValue('Place du marché')
    await wrapper.get('input#workshop-day').setValue('2026-12-19')
    await wrapper.get('input#workshop-from').setValue('15:00')
    await wrapper.get('input#workshop-to').setValue('18:00')
    await typeInto(wrapper, 'workshop-capacity', '40')
    await wrapper.get('input#workshop-public').setValue(true)
    await click(wrapper, "Publier l'atelier")

    expect(sent).toMatchObject({ title: 'Disco soupe', place: 'Place du marché', capacity: 40, public: true })
    expect(String(sent?.startsAt)).toMatch(/^2026-12-19T15:00:00[+-]\d\d:\d\d$/)
    expect(card(wrapper, workshop({ id: 'a7000000-0000-4000-8000-000000000009' })).text()).toContain('Ouvert au quartier')
    expect(document.body.textContent).toContain('Atelier publié : Disco soupe')
  })

  it('lets an admin cancel a workshop', async () => {
    keycloakSession.roles = ['member', 'admin']
    serve([cooking])
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true)
    server.use(
      http.post(api('/events/:id/cancel'), () => HttpResponse.json({ ...cooking, status: 'CANCELLED', placesLeft: 0 })),
      http.get(api('/events/:id'), () => HttpResponse.json({ ...cooking, status: 'CANCELLED', placesLeft: 0 })),
    )
    const wrapper = await renderApp('/ateliers')
    await click(card(wrapper, cooking), "Annuler l'atelier")
    expect(card(wrapper, cooking).text()).toContain('Annulé')
    expect(card(wrapper, cooking).text()).not.toContain("Je m'inscris")
    expect(confirm).toHaveBeenCalledOnce()
    confirm.mockRestore()
  })

  it('shows an admin who comes and who waits, guests with their address', async () => {
    keycloakSession.roles = ['member', 'admin']
    serve([cooking])
    server.use(
      http.get(api('/events/:id/registrations'), () =>
        HttpResponse.json({
          items: [
            { id: 'c7000000-0000-4000-8000-000000000001', status: 'CONFIRMED', waitingPosition: null, registeredAt: now.toISOString(), guest: false, name: 'Alice Martin', memberId: 'a0000000-0000-4000-8000-000000000003', memberNumber: 'A-0003', email: null, erased: false },
            { id: 'c7000000-0000-4000-8000-000000000002', status: 'WAITING', waitingPosition: 1, registeredAt: now.toISOString(), guest: true, name: 'Sami Benali', memberId: null, memberNumber: null, email: 'sami@example.org', erased: false },
          ],
          nextCursor: null,
        }),
      ),
    )
    const wrapper = await renderApp('/ateliers')
    await click(card(wrapper, cooking), 'Voir les inscrit·es')

    const rows = card(wrapper, cooking).findAll('li').map((li) => li.text())
    expect(rows[0]).toContain('Alice Martin')
    expect(rows[0]).toContain('A-0003')
    expect(rows[1]).toContain('Sami Benali')
    expect(rows[1]).toContain('du quartier · sami@example.org')
    expect(rows[1]).toContain("Liste d'attente : n° 1")
  })

  it('shows a member no list of who comes', async () => {
    serve([cooking])
    const wrapper = await renderApp('/ateliers')
    expect(card(wrapper, cooking).text()).not.toContain('Voir les inscrit·es')
    expect(card(wrapper, cooking).text()).not.toContain("Annuler l'atelier")
  })
})
