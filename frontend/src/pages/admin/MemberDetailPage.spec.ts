import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Member } from '../../features/members/meStore'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { choose, click } from '../../test/interact'
import { awaitingPayment, bruno, householdId, moreau } from '../../test/memberships'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const page = `/gestion/adherents/${bruno.id}`
const inHousehold: Member = { ...bruno, householdId }

function serveMember(member: Member, history: unknown[] = []) {
  server.use(
    http.get(api('/members/:id'), () => HttpResponse.json(member, { headers: { ETag: '"2"' } })),
    http.get(api('/members/:id/status-changes'), () => HttpResponse.json({ items: history })),
  )
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe("an admin's page of a member", () => {
  it('shows the household and its memberships, each leading to where payments are recorded', async () => {
    serveMember(inHousehold)
    server.use(
      http.get(api('/households/:id'), () => HttpResponse.json(moreau, { headers: { ETag: '"7"' } })),
      http.get(api('/memberships'), ({ request }) => {
        expect(new URL(request.url).searchParams.get('householdId')).toBe(householdId)
        return HttpResponse.json({ items: [awaitingPayment], nextCursor: null })
      }),
    )

    const wrapper = await renderApp(page)

    expect(wrapper.get('h1').text()).toBe('Bruno Moreau')
    expect(wrapper.text()).toContain('A-0004')
    expect(wrapper.text()).toContain("En attente d'adhésion")
    expect(wrapper.get('[data-testid="household-name"]').text()).toBe('Foyer Moreau')
    const membership = wrapper.get(`a[href="/gestion/adhesions/${awaitingPayment.id}"]`)
    expect(membership.text()).toBe('Du 2 octobre 2026 au 1 octobre 2027')
    expect(plain(wrapper.text())).toContain('reste 45,00 €')
  })

  it('corrects the details with the version read', async () => {
    serveMember(bruno)
    let sent: { ifMatch: string | null; body: unknown } | undefined
    server.use(
      http.put(api('/members/:id'), async ({ request }) => {
        const body = (await request.json()) as Partial<Member>
        sent = { ifMatch: request.headers.get('If-Match'), body }
        return HttpResponse.json({ ...bruno, ...body }, { headers: { ETag: '"3"' } })
      }),
    )
    const wrapper = await renderApp(page)

    await wrapper.get('input#last-name').setValue('Moreau-Petit')
    await wrapper.get('input#member-phone').setValue('06 12 34 56 78')
    await click(wrapper, 'Enregistrer')

    expect(sent).toEqual({
      ifMatch: '"2"',
      body: { firstName: 'Bruno', lastName: 'Moreau-Petit', email: 'bruno@panier.example', phone: '06 12 34 56 78' },
    })
    expect(wrapper.get('h1').text()).toBe('Bruno Moreau-Petit')
  })

  it("shows the server's refusal beside the e-mail, and a stale version plainly", async () => {
    serveMember(bruno)
    server.use(
      http.put(api('/members/:id'), () => problem(400, { errors: [{ field: 'email', message: 'adresse invalide' }] })),
    )
    const wrapper = await renderApp(page)

    await click(wrapper, 'Enregistrer')
    expect(wrapper.get('#email-error').text()).toBe('adresse invalide')

    server.use(http.put(api('/members/:id'), () => problem(412)))
    await click(wrapper, 'Enregistrer')
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Ces informations ont été modifiées entre-temps ; rechargez la page.',
    )
  })

  it('changes the status only with a reason, then shows it in the history', async () => {
    serveMember(bruno)
    let sent: { ifMatch: string | null; body: unknown } | undefined
    server.use(
      http.post(api('/members/:id/status-changes'), async ({ request }) => {
        sent = { ifMatch: request.headers.get('If-Match'), body: await request.json() }
        serveMember({ ...bruno, status: 'ACTIVE' }, [
          { from: 'PENDING', to: 'ACTIVE', reason: 'Cotisation réglée en mains propres', changedAt: '2026-11-24T09:30:00Z', changedBy: 'A-0001' },
        ])
        return HttpResponse.json({ ...bruno, status: 'ACTIVE' }, { headers: { ETag: '"3"' } })
      }),
    )
    const wrapper = await renderApp(page)
    expect(wrapper.text()).toContain('Aucun changement de statut pour l\'instant.')

    await choose(wrapper, '#new-status', 'Active')
    await click(wrapper, 'Changer le statut')
    expect(sent).toBeUndefined()
    expect(wrapper.get('#status-reason-error').text()).toBe('Indiquez la raison (500 caractères au plus).')

    await wrapper.get('textarea#status-reason').setValue('  Cotisation réglée en mains propres ')
    await click(wrapper, 'Changer le statut')

    expect(sent).toEqual({ ifMatch: '"2"', body: { status: 'ACTIVE', reason: 'Cotisation réglée en mains propres' } })
    const history = wrapper.get('[data-testid="status-history"]').text()
    expect(history).toContain("En attente d'adhésion → Active")
    expect(history).toContain('Cotisation réglée en mains propres')
    expect(history).toContain('24 nov. 2026')
    expect(history).toContain('par A-0001')
  })

  it('offers only the changes the co-op allows', async () => {
    serveMember({ ...bruno, status: 'LEFT' })
    const wrapper = await renderApp(page)

    await wrapper.get('#new-status').trigger('click')

    const options = Array.from(document.body.querySelectorAll('[role="option"]')).map((o) => o.textContent?.trim())
    expect(options).toEqual(['Active'])
  })
})
