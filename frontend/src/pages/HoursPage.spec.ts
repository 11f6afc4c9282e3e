import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { HoursAccount, LoggedHours } from '../features/volunteering/hours/model'
import { keycloakSession } from '../test/fakeKeycloak'
import { defaultRules } from '../test/hours'
import { api, plain, problem } from '../test/http'
import { click, typeInto } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'

const householdId = 'c0000000-0000-4000-8000-000000000001'
const behind: HoursAccount = {
  householdId,
  householdName: 'Martin',
  adults: 2,
  standing: 'ALERT',
  sentence:
    'Il manque 4 h à votre foyer depuis octobre : le créneau « accueil » du samedi 12 décembre (3 h) et le créneau « caisse » du lundi 14 décembre (2 h) suffisent pour revenir à jour avant le 16 décembre.',
  behindSince: '2026-10',
  graceEndsOn: '2026-12-16',
  orderingBlocked: false,
  balanceMinutes: -240,
  toDoThisMonthMinutes: 600,
  giftableMinutes: 0,
  months: [
    { month: '2026-12', requiredMinutes: 360, creditedMinutes: 0, givenMinutes: 0, receivedMinutes: 0, balanceMinutes: -600, current: true },
    { month: '2026-11', requiredMinutes: 360, creditedMinutes: 300, givenMinutes: 0, receivedMinutes: 0, balanceMinutes: -240, current: false },
  ],
  exemptions: [],
  pauses: [],
}
const ahead: HoursAccount = { ...behind, standing: 'UP_TO_DATE', sentence: 'Votre foyer est à jour.', balanceMinutes: 420, giftableMinutes: 60 }

function serve(account: HoursAccount, logged: LoggedHours[] = []) {
  server.use(
    http.get(api('/me/volunteer-hours'), () => HttpResponse.json(account)),
    http.get(api('/me/volunteer-hours/logged'), () => HttpResponse.json({ items: logged, nextCursor: null })),
    http.get(api('/volunteering/rules'), () => HttpResponse.json(defaultRules)),
    http.get(api('/volunteering/attendance-sheets'), () => HttpResponse.json({ items: [] })),
  )
}

beforeEach(() => {
  keycloakSession.roles = ['member']
})

describe('Mes heures', () => {
  it('says where the household stands on top, then its account month by month', async () => {
    serve(behind)
    const wrapper = await renderApp('/mes-heures')

    expect(wrapper.get('h1').text()).toBe('Mes heures')
    const standing = wrapper.get('[data-testid="standing"]')
    expect(standing.text()).toContain('En alerte')
    expect(standing.text()).toContain('Il manque 4 h à votre foyer depuis octobre')
    expect(plain(wrapper.get('[data-testid="figures"]').text())).toContain('Solde aujourd\'hui : −4 h')
    const rows = wrapper
      .get('[data-testid="hours-months"]')
      .findAll('tbody tr')
      .map((r) => r.findAll('td').map((td) => plain(td.text())))
    expect(rows[0][0]).toBe('décembre 2026 en cours')
    expect(rows[1]).toEqual(['novembre 2026', '6 h', '5 h', '0 min', '0 min', '−4 h'])
    expect(wrapper.text()).toContain("Votre foyer n'a pas d'heures d'avance à donner pour l'instant.")
    expect(wrapper.find('[data-testid="give-hours"]').exists()).toBe(false)
  })

  it('logs hours with one Idempotency-Key, the same again after an answer that never came', async () => {
    serve(behind)
    const keys: (string | null)[] = []
    const bodies: unknown[] = []
    server.use(
      http.post(api('/me/volunteer-hours'), async ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'))
        bodies.push(await request.json())
        if (keys.length === 1) return problem(503)
        return HttpResponse.json(
          {
            id: 'd0000000-0000-4000-8000-000000000001',
            householdId,
            memberId: 'd0000000-0000-4000-8000-000000000002',
            memberName: 'Alice Martin',
            doneOn: '2026-12-01',
            minutes: 150,
            description: 'acheté le miel chez le producteur',
            status: 'PENDING',
            loggedAt: '2026-12-01T18:00:00+01:00',
          },
          { status: 201 },
        )
      }),
    )
    const wrapper = await renderApp('/mes-heures')

    await typeInto(wrapper, 'log-duration-hours', '2')
    await typeInto(wrapper, 'log-duration-minutes', '30')
    await wrapper.get('textarea#log-description').setValue('acheté le miel chez le producteur')
    await click(wrapper, 'Déclarer ces heures')
    expect(wrapper.get('[data-testid="log-hours"]').text()).toContain('erreur')
    await click(wrapper, 'Déclarer ces heures')

    expect(keys).toHaveLength(2)
    expect(keys[0]).toBeTruthy()
    expect(keys[1]).toBe(keys[0])
    expect(bodies[1]).toMatchObject({ minutes: 150, description: 'acheté le miel chez le producteur' })
    expect(document.body.textContent).toContain('Heures déclarées : elles attendent d\'être validées.')
  })

  it('gives hours from the surplus, and says in the server\'s words why when there is not enough', async () => {
    serve(ahead)
    server.use(
      http.post(api('/me/volunteer-hours/gifts'), () =>
        problem(409, {
          type: 'https://panier.coop/problems/no-hours-surplus',
          detail: 'Votre foyer a 1 h d\'avance au-delà de ce qu\'il doit jusqu\'à la fin du mois : vous pouvez en donner au plus 1 h, pas 2 h.',
        }),
      ),
    )
    const wrapper = await renderApp('/mes-heures')
    expect(wrapper.text()).toContain('Il en a 1 h à donner.')

    await wrapper.get('input#give-to').setValue('a-0042')
    await typeInto(wrapper, 'give-duration-hours', '2')
    await click(wrapper, 'Donner ces heures')

    expect(wrapper.get('[data-testid="give-hours"]').text()).toContain('vous pouvez en donner au plus 1 h, pas 2 h.')
  })
})
