import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { VolunteerExemption } from '../../features/volunteering/hours/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain } from '../../test/http'
import { click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const parental: VolunteerExemption = {
  id: 'f3000000-0000-4000-8000-000000000001',
  householdId: 'f3000000-0000-4000-8000-000000000002',
  householdName: 'Foyer Bernard',
  reason: 'PARENTAL_LEAVE',
  startsOn: '2026-12-01',
  endsOn: '2027-03-31',
  adults: 1,
  grantedByName: 'Camille Durand',
  grantedAt: '2026-11-30T10:00:00+01:00',
}
const age: VolunteerExemption = { ...parental, id: 'f3000000-0000-4000-8000-000000000003', householdName: 'Foyer Petit', reason: 'AGE', endsOn: undefined }

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('exemptions', () => {
  it('lists them with their reason, period and admin, and revokes one granted by mistake', async () => {
    const revoked: unknown[] = []
    server.use(
      http.get(api('/volunteering/exemptions'), () => HttpResponse.json({ items: [parental, age], nextCursor: null })),
      http.delete(api('/volunteering/exemptions/:id'), ({ params }) => {
        revoked.push(params.id)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const wrapper = await renderApp('/gestion/exemptions')

    const rows = () => wrapper.get('[data-testid="exemptions"]').findAll('tbody tr').map((r) => plain(r.text()))
    expect(rows()[0]).toContain('Foyer Bernard')
    expect(rows()[0]).toContain('congé parental')
    expect(rows()[0]).toContain('Camille Durand')
    expect(rows()[1]).toContain('sans fin')

    await click(wrapper, 'Retirer')

    expect(revoked).toEqual([parental.id])
    expect(rows()).toHaveLength(1)
    expect(document.body.textContent).toContain('Exemption retirée.')
  })
})
