import type { VueWrapper } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { at, now } from '../../test/drive'
import { api, problem } from '../../test/http'
import { click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'
import { freezeClock, shift as aShift } from '../../test/volunteering'
import type { Shift } from './model'

// Now is Tuesday 1 December, 10:00: the delay of a shift on Wednesday 2 at 9:00 is past.
const shift = (overrides: Partial<Shift> = {}): Shift =>
  aShift({
    place: 'Local de la coop',
    startsAt: at(2, 9),
    endsAt: at(2, 12),
    seats: 2,
    freeSeats: 0,
    signedUp: true,
    withdrawUntil: new Date(2026, 10, 30, 9).toISOString(),
    ...overrides,
  })
const tomorrow = shift({ withdrawUntil: new Date(2026, 10, 30, 9).toISOString() })
const nextWeek = shift({
  id: 'f0000000-0000-4000-8000-000000000002',
  task: 'ménage',
  startsAt: at(8, 9),
  endsAt: at(8, 11),
  withdrawUntil: at(6, 9),
})
const offered = shift({
  id: 'f0000000-0000-4000-8000-000000000003',
  task: 'caisse',
  signedUp: false,
  standInsWanted: 1,
  withdrawUntil: new Date(2026, 10, 30, 9).toISOString(),
})

/** The server as it answers a member: the stand-in requests and takings change its shifts. */
function serve(initial: Shift[]) {
  let shifts = initial.map((s) => ({ ...s }))
  const calls: string[] = []
  const keys: (string | null)[] = []
  const change = (id: unknown, values: Partial<Shift>) => {
    shifts = shifts.map((s) => (s.id === id ? { ...s, ...values } : s))
  }
  server.use(
    http.get(api('/shifts'), ({ request }) => {
      const mine = new URL(request.url).searchParams.get('mine') === 'true'
      return HttpResponse.json({ items: shifts.filter((s) => s.signedUp === mine), nextCursor: null })
    }),
    http.get(api('/shifts/:id'), ({ params }) => HttpResponse.json(shifts.find((s) => s.id === params.id))),
    http.post(api('/shifts/:id/signups/mine/stand-in-request'), ({ params }) => {
      calls.push(`ask ${params.id}`)
      change(params.id, { standInRequested: true })
      return HttpResponse.json(
        { id: 'b0000000-0000-4000-8000-000000000001', shiftId: params.id, status: 'OPEN', requestedAt: now.toISOString() },
        { status: 201 },
      )
    }),
    http.delete(api('/shifts/:id/signups/mine/stand-in-request'), ({ params }) => {
      calls.push(`keep ${params.id}`)
      change(params.id, { standInRequested: false })
      return new HttpResponse(null, { status: 204 })
    }),
    http.post(api('/shifts/:id/stand-ins'), ({ params, request }) => {
      calls.push(`take ${params.id}`)
      keys.push(request.headers.get('Idempotency-Key'))
      change(params.id, { signedUp: true, standInsWanted: 0 })
      return HttpResponse.json(
        { id: 'a0000000-0000-4000-8000-000000000009', shiftId: params.id, memberId: params.id, status: 'SIGNED_UP', signedUpAt: now.toISOString() },
        { status: 201 },
      )
    }),
  )
  return { calls, keys }
}

const card = (wrapper: VueWrapper, s: Shift) => wrapper.get(`[data-testid="shift-${s.id}"]`) as unknown as VueWrapper
const buttons = (wrapper: VueWrapper) => wrapper.findAll('button').map((b) => b.text())
const titles = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-testid="${id}"]`).findAll('h3').map((h) => h.text())

freezeClock()

describe('« Je cherche un remplaçant »', () => {
  it('offers a seat past the delay instead of withdrawing, and keeps it if the member comes after all', async () => {
    const { calls } = serve([tomorrow, nextWeek])
    const wrapper = await renderApp('/benevolat')

    const soon = card(wrapper, tomorrow)
    expect(buttons(soon)).toEqual(['Je cherche un remplaçant'])
    expect(soon.get('[data-testid="stand-in-note"]').text()).toBe(
      'Trop tard pour vous désinscrire : si vous ne pouvez pas venir, cherchez un remplaçant.',
    )
    const later = card(wrapper, nextWeek)
    expect(buttons(later)).toEqual(['Me désinscrire'])
    expect(later.get('[data-testid="stand-in-note"]').text()).toBe('Désinscription libre jusqu\'au dimanche 6 décembre à 09:00.')

    await click(soon, 'Je cherche un remplaçant')
    expect(calls).toEqual([`ask ${tomorrow.id}`])
    const asked = card(wrapper, tomorrow)
    expect(asked.text()).toContain('Remplaçant cherché')
    expect(asked.get('[data-testid="stand-in-note"]').text()).toBe(
      'Vous cherchez un remplaçant : votre place reste la vôtre tant que personne ne la prend.',
    )
    expect(document.body.textContent).toContain('Votre place est proposée aux autres bénévoles : accueil, mercredi 2 décembre')
    expect(titles(wrapper, 'my-shifts')).toEqual(['accueil', 'ménage'])

    await click(asked, 'Je viendrai finalement')
    expect(calls).toEqual([`ask ${tomorrow.id}`, `keep ${tomorrow.id}`])
    expect(buttons(card(wrapper, tomorrow))).toEqual(['Je cherche un remplaçant'])
  })

  it('lets another member take the seat offered in one tap; a retry after a lost answer is the same taking', async () => {
    const { calls, keys } = serve([offered])
    const wrapper = await renderApp('/benevolat')
    // The first answer is lost on the way; the member taps again.
    const lost: (string | null)[] = []
    server.use(
      http.post(
        api('/shifts/:id/stand-ins'),
        ({ request }) => {
          lost.push(request.headers.get('Idempotency-Key'))
          return problem(503)
        },
        { once: true },
      ),
    )

    const seat = card(wrapper, offered)
    expect(seat.text()).toContain('Complet')
    expect(seat.get('[data-testid="stand-ins-wanted"]').text()).toBe('1 bénévole cherche un remplaçant')
    expect(buttons(seat)).toEqual(['Remplacer'])

    await click(seat, 'Remplacer')
    expect(calls).toEqual([])
    await click(card(wrapper, offered), 'Remplacer')
    expect(calls).toEqual([`take ${offered.id}`])
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/)
    expect(lost).toEqual([keys[0]])
    expect(titles(wrapper, 'my-shifts')).toEqual(['caisse'])
    expect(titles(wrapper, 'open-shifts')).toEqual([])
    expect(document.body.textContent).toContain('Vous remplacez un·e bénévole : caisse, mercredi 2 décembre. Merci !')
  })

  it("says in the server's words when someone took the seat first, and shows the shift as it now is", async () => {
    serve([offered])
    const detail = 'Plus personne ne cherche de remplaçant pour ce créneau : la place a déjà été prise.'
    const keys: (string | null)[] = []
    server.use(
      http.post(api('/shifts/:id/stand-ins'), ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'))
        return problem(409, { detail })
      }),
      http.get(api('/shifts/:id'), () => HttpResponse.json({ ...offered, standInsWanted: 0 })),
    )
    const wrapper = await renderApp('/benevolat')

    await click(card(wrapper, offered), 'Remplacer')
    const seat = card(wrapper, offered)
    expect(seat.get('[role="alert"]').text()).toBe(detail)
    expect(buttons(seat)).toEqual([])
    expect(keys).toHaveLength(1)
  })
})
