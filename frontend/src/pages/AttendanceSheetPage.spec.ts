import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AttendanceRow, AttendanceSheet } from '../features/volunteering/hours/model'
import { keycloakSession } from '../test/fakeKeycloak'
import { api, plain, problem } from '../test/http'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'

const shiftId = 'e0000000-0000-4000-8000-000000000001'
const lea: AttendanceRow = {
  signupId: 'e1000000-0000-4000-8000-000000000001',
  memberId: 'e2000000-0000-4000-8000-000000000001',
  memberNumber: 'A-0042',
  firstName: 'Léa',
  lastName: 'Bernard',
  creditedMinutes: 0,
}
const tom: AttendanceRow = { ...lea, signupId: 'e1000000-0000-4000-8000-000000000002', memberNumber: 'A-0043', firstName: 'Tom', lastName: 'Petit' }
const sheet = (overrides: Partial<AttendanceSheet> = {}): AttendanceSheet => ({
  shiftId,
  task: 'accueil',
  place: 'Local de la coop',
  startsAt: '2026-12-05T09:00:00+01:00',
  endsAt: '2026-12-05T11:30:00+01:00',
  creditMinutes: 150,
  coordinator: { shiftId, memberId: 'e2000000-0000-4000-8000-000000000009', memberName: 'Rémi Lefèvre' },
  open: true,
  rows: [lea, tom],
  ...overrides,
})

const toggle = (wrapper: Awaited<ReturnType<typeof renderApp>>, row: AttendanceRow, label: string) =>
  wrapper
    .get(`[data-testid="attendee-${row.signupId}"]`)
    .findAll('button')
    .find((b) => b.text() === label)!

beforeEach(() => {
  keycloakSession.roles = ['member']
})

describe('the attendance sheet', () => {
  it('marks a person present in one touch, and shows what it credited', async () => {
    server.use(http.get(api('/shifts/:id/attendance'), () => HttpResponse.json(sheet())))
    const sent: unknown[] = []
    server.use(
      http.put(api('/shifts/:shiftId/signups/:signupId/attendance'), async ({ request, params }) => {
        const body = (await request.json()) as { mark: AttendanceRow['mark'] }
        sent.push({ signup: params.signupId, ...body })
        return HttpResponse.json({ ...lea, mark: body.mark, markedAt: '2026-12-05T11:40:00+01:00', creditedMinutes: body.mark === 'ATTENDED' ? 150 : 0 })
      }),
    )
    const wrapper = await renderApp(`/presences/${shiftId}`)

    expect(wrapper.get('h1').text()).toBe('accueil')
    expect(wrapper.text()).toContain('Coordination : Rémi Lefèvre')
    expect(plain(wrapper.text())).toContain('« Présent·e » crédite 2 h 30 à son foyer')
    expect(wrapper.get('[data-testid="attendees"]').findAll('strong').map((s) => s.text())).toEqual(['Léa Bernard', 'Tom Petit'])

    await toggle(wrapper, lea, 'Présent·e').trigger('click')
    await new Promise((resolve) => setTimeout(resolve, 0))
    await wrapper.vm.$nextTick()

    expect(sent).toEqual([{ signup: lea.signupId, mark: 'ATTENDED' }])
    expect(plain(wrapper.get(`[data-testid="attendee-${lea.signupId}"]`).text())).toContain('2 h 30 créditées')
  })

  it('waits for the shift to start before taking marks, for admins in the management area too', async () => {
    keycloakSession.roles = ['member', 'admin']
    server.use(http.get(api('/shifts/:id/attendance'), () => HttpResponse.json(sheet({ open: false }))))
    const wrapper = await renderApp(`/gestion/presences/${shiftId}`)

    expect(wrapper.get('a.back').attributes('href')).toBe('/gestion/presences')
    expect(wrapper.text()).toContain("Ce créneau n'a pas encore commencé")
    expect(toggle(wrapper, lea, 'Présent·e').attributes('disabled')).toBeDefined()
  })

  it('tells a member who does not coordinate the shift that it is not theirs to keep', async () => {
    server.use(
      http.get(api('/shifts/:id/attendance'), () =>
        problem(403, { detail: 'Seuls les admins et la personne qui coordonne ce créneau tiennent sa feuille de présence.' }),
      ),
    )
    const wrapper = await renderApp(`/presences/${shiftId}`)

    expect(wrapper.get('[role="alert"]').text()).not.toBe('')
  })
})
