import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Shift } from '../model'
import type { MyVolunteering } from './model'
import { at } from '../../../test/drive'
import { api } from '../../../test/http'
import { renderApp } from '../../../test/renderApp'
import { server } from '../../../test/server'
import { freezeClock, shift as aShift } from '../../../test/volunteering'

const shift = (overrides: Partial<Shift> = {}): Shift =>
  aShift({ id: 'f0000000-0000-4000-8000-000000000011', task: 'caisse', startsAt: at(5, 17), endsAt: at(5, 19), withdrawUntil: at(3, 17), ...overrides })

function serve(shifts: Shift[], volunteering: MyVolunteering) {
  server.use(
    http.get(api('/shifts'), ({ request }) =>
      HttpResponse.json({
        items: shifts.filter((s) => s.signedUp === (new URL(request.url).searchParams.get('mine') === 'true')),
        nextCursor: null,
      }),
    ),
    http.get(api('/me/volunteering'), () => HttpResponse.json(volunteering)),
  )
}

freezeClock()

describe('Bénévolat, with templates and skills', () => {
  it('says where the member holds a regular seat, and their skills', async () => {
    serve([], {
      kind: 'REGULAR',
      regularSeats: [
        {
          templateId: 'e0000000-0000-4000-8000-000000000001',
          task: 'caisse',
          place: 'Local',
          weekday: 'WEDNESDAY',
          startTime: '17:00',
          endTime: '19:00',
          recurrence: 'CYCLE',
          cycleWeek: 'B',
          since: '2026-11-02T10:00:00+01:00',
        },
      ],
      skills: [{ id: 'c2000000-0000-4000-8000-000000000001', name: 'caisse formée' }],
    })
    const wrapper = await renderApp('/benevolat')
    const kind = wrapper.get('[data-testid="my-volunteering"]').text()
    expect(kind).toContain('Votre place fixe : mercredi semaine B, 17:00 – 19:00 · caisse.')
    expect(kind).toContain('Vos compétences : caisse formée.')
  })

  it('calls a member without a regular seat a volant', async () => {
    serve([], { kind: 'VOLANT', regularSeats: [], skills: [] })
    const wrapper = await renderApp('/benevolat')
    expect(wrapper.get('[data-testid="my-volunteering"]').text()).toContain('Vous êtes volant·e')
  })

  it('shows the week of the cycle and the seats requiring a skill; none to take, no button', async () => {
    const reserved = shift({
      cycleWeek: 'B',
      freeSeats: 1,
      freeSeatsForYou: 0,
      skilledSeats: [{ skillId: 'c2000000-0000-4000-8000-000000000001', skill: 'caisse formée', seats: 1, freeSeats: 1, held: false }],
    })
    const open = shift({
      id: 'f0000000-0000-4000-8000-000000000012',
      freeSeatsForYou: 2,
      skilledSeats: [{ skillId: 'c2000000-0000-4000-8000-000000000001', skill: 'caisse formée', seats: 1, freeSeats: 1, held: true }],
    })
    serve([reserved, open], { kind: 'VOLANT', regularSeats: [], skills: [] })
    const wrapper = await renderApp('/benevolat')

    const first = wrapper.get(`[data-testid="shift-${reserved.id}"]`)
    expect(first.text()).toContain('semaine B')
    expect(first.text()).toContain('dont 1 pour « caisse formée »')
    expect(first.get('[data-testid="reserved"]').text()).toContain('demandent une compétence')
    expect(first.text()).not.toContain("Je m'inscris")
    const second = wrapper.get(`[data-testid="shift-${open.id}"]`)
    expect(second.text()).toContain("(vous l'avez)")
    expect(second.text()).toContain("Je m'inscris")
  })
})
