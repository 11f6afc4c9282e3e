import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { LoggedHours } from '../../features/volunteering/hours/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api } from '../../test/http'
import { click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const honey: LoggedHours = {
  id: 'f2000000-0000-4000-8000-000000000001',
  householdId: 'f2000000-0000-4000-8000-000000000002',
  householdName: 'Foyer Bernard',
  memberId: 'f2000000-0000-4000-8000-000000000003',
  memberName: 'Léa Bernard',
  doneOn: '2026-11-28',
  minutes: 150,
  description: 'acheté le miel chez le producteur',
  status: 'PENDING',
  loggedAt: '2026-11-28T18:00:00+01:00',
}
const shelves: LoggedHours = { ...honey, id: 'f2000000-0000-4000-8000-000000000004', memberName: 'Tom Petit', description: 'réparé les étagères' }

beforeEach(() => {
  // Référents validate hours too: the page is theirs as much as the admins'.
  keycloakSession.roles = ['member', 'referent']
})

describe('hours to validate', () => {
  it('validates, or refuses with a reason, and each leaves the list', async () => {
    const decisions: unknown[] = []
    server.use(
      http.get(api('/volunteer-hours'), () => HttpResponse.json({ items: [honey, shelves], nextCursor: null })),
      http.post(api('/volunteer-hours/:id/validation'), async ({ request, params }) => {
        const body = (await request.json()) as { decision: LoggedHours['status'] }
        decisions.push({ id: params.id, ...body })
        return HttpResponse.json({ ...honey, id: params.id as string, status: body.decision })
      }),
    )
    const wrapper = await renderApp('/gestion/heures-a-valider')
    const list = () => wrapper.get('[data-testid="pending-hours"]')
    expect(list().text()).toContain('acheté le miel chez le producteur')
    expect(list().text()).toContain('2 h 30')

    await click(wrapper, 'Valider')
    await click(wrapper, 'Refuser')
    await wrapper.get(`input#reason-${shelves.id}`).setValue('déjà compté au créneau du samedi')
    await click(wrapper, 'Refuser ces heures')

    expect(decisions).toEqual([
      { id: honey.id, decision: 'VALIDATED' },
      { id: shelves.id, decision: 'REFUSED', reason: 'déjà compté au créneau du samedi' },
    ])
    expect(wrapper.text()).toContain("Aucune heure n'attend de validation.")
  })
})
