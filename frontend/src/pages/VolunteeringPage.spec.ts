import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Shift } from '../features/volunteering/model'
import { at, now } from '../test/drive'
import { api, problem } from '../test/http'
import { choose, click } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock, shift } from '../test/volunteering'

const welcome = shift()
const till = shift({ id: 'f0000000-0000-4000-8000-000000000002', task: 'caisse', startsAt: at(6, 17), endsAt: at(6, 19), freeSeats: 0 })
const cleaning = shift({ id: 'f0000000-0000-4000-8000-000000000003', task: 'ménage', signedUp: true, freeSeats: 1 })

/** The server as a member meets it: `mine` splits the shifts, and each sign-up or withdrawal changes them. */
function serve(initial: Shift[]) {
  let shifts = initial.map((s) => ({ ...s }))
  const queries: URLSearchParams[] = []
  const find = (id: unknown) => shifts.find((s) => s.id === id)
  server.use(
    http.get(api('/shifts'), ({ request }) => {
      const query = new URL(request.url).searchParams
      queries.push(query)
      const mine = query.get('mine') === 'true'
      const task = query.get('task')
      const items = shifts.filter((s) => s.signedUp === mine && (!task || s.task === task))
      return HttpResponse.json({ items, nextCursor: null })
    }),
    http.get(api('/shifts/:id'), ({ params }) => HttpResponse.json(find(params.id))),
    http.post(api('/shifts/:id/signups'), ({ params }) => {
      const s = find(params.id)!
      shifts = shifts.map((x) => (x === s ? { ...x, signedUp: true, freeSeats: x.freeSeats - 1 } : x))
      return HttpResponse.json({ id: 'a0000000-0000-4000-8000-000000000001', shiftId: s.id, memberId: s.id, status: 'SIGNED_UP', signedUpAt: now.toISOString() }, { status: 201 })
    }),
    http.delete(api('/shifts/:id/signups/mine'), ({ params }) => {
      shifts = shifts.map((x) => (x.id === params.id ? { ...x, signedUp: false, freeSeats: x.freeSeats + 1 } : x))
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return queries
}

const section = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-testid="${id}"]`)
const titles = (wrapper: VueWrapper, id: string) => section(wrapper, id).findAll('h3').map((h) => h.text())

freezeClock()

describe('Bénévolat', () => {
  it("shows the member's shifts apart from those to take, with day, hours, place and free seats", async () => {
    serve([welcome, till, cleaning])
    const wrapper = await renderApp('/benevolat')

    expect(wrapper.get('h1').text()).toBe('Bénévolat')
    expect(titles(wrapper, 'my-shifts')).toEqual(['ménage'])
    expect(titles(wrapper, 'open-shifts')).toEqual(['accueil', 'caisse'])
    const card = wrapper.get(`[data-testid="shift-${welcome.id}"]`)
    expect(card.text()).toContain('samedi 5 décembre, 09:00 – 12:00')
    expect(card.text()).toContain('Local de la coop, 12 rue des Halles')
    expect(card.get('[data-testid="free-seats"]').text()).toBe('2 places libres sur 3')
    const full = wrapper.get(`[data-testid="shift-${till.id}"]`)
    expect(full.text()).toContain('Complet')
    expect(full.text()).not.toContain("Je m'inscris")
  })

  it('signs up in one tap and moves the shift to "Mes créneaux"; withdrawing moves it back', async () => {
    serve([welcome, till])
    const wrapper = await renderApp('/benevolat')
    expect(section(wrapper, 'my-shifts').text()).toContain("Vous n'êtes inscrit·e à aucun créneau à venir.")

    await click(section(wrapper, 'open-shifts') as unknown as VueWrapper, "Je m'inscris")
    expect(titles(wrapper, 'my-shifts')).toEqual(['accueil'])
    expect(titles(wrapper, 'open-shifts')).toEqual(['caisse'])
    expect(section(wrapper, 'my-shifts').text()).toContain('1 place libre sur 3')
    expect(document.body.textContent).toContain('Vous êtes inscrit·e : accueil, samedi 5 décembre')

    await click(section(wrapper, 'my-shifts') as unknown as VueWrapper, 'Me désinscrire')
    expect(titles(wrapper, 'my-shifts')).toEqual([])
    expect(titles(wrapper, 'open-shifts')).toEqual(['accueil', 'caisse'])
  })

  it('takes one seat for a double tap', async () => {
    serve([welcome])
    let posts = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts += 1
    })
    const wrapper = await renderApp('/benevolat')
    const button = section(wrapper, 'open-shifts').findAll('button').find((b) => b.text() === "Je m'inscris")!
    // The second tap lands before the page has redrawn the busy button.
    void button.trigger('click')
    await button.trigger('click')
    await flushPromises()
    server.events.removeAllListeners()
    expect(posts).toBe(1)
    expect(titles(wrapper, 'my-shifts')).toEqual(['accueil'])
    expect(wrapper.findAll('[role="alert"]')).toHaveLength(0)
  })

  it("says in the server's words why a withdrawal is too late, and keeps the seat", async () => {
    serve([cleaning])
    const detail = 'Ce créneau commence dans moins de 48 heures : on ne peut plus s\'en désinscrire.'
    server.use(http.delete(api('/shifts/:id/signups/mine'), () => problem(409, { type: 'https://panier.coop/problems/shift-withdrawal-too-late', detail })))
    const wrapper = await renderApp('/benevolat')

    await click(wrapper, 'Me désinscrire')
    expect(section(wrapper, 'my-shifts').get('[role="alert"]').text()).toBe(detail)
    expect(titles(wrapper, 'my-shifts')).toEqual(['ménage'])
  })

  it('filters the shifts to take by task', async () => {
    const queries = serve([welcome, till, cleaning])
    const wrapper = await renderApp('/benevolat')

    await choose(wrapper, '[data-testid="open-shifts"] .p-select', 'caisse')
    expect(titles(wrapper, 'open-shifts')).toEqual(['caisse'])
    expect(queries.at(-1)?.get('task')).toBe('caisse')
    expect(queries.at(-1)?.get('mine')).toBe('false')
  })
})
