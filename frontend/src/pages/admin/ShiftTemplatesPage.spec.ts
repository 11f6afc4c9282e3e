import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ShiftCycle, ShiftTemplate } from '../../features/volunteering/templates/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api } from '../../test/http'
import { click, typeInto } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'
import { template, trainedCashier } from '../../test/shiftsAdmin'

const till = template({
  regularSeats: 1,
  skilledSeats: [{ skillId: trainedCashier.id, skill: trainedCashier.name, seats: 1 }],
})
const deliveries = template({ task: 'réception des livraisons', startTime: '09:00', endTime: '11:00', seats: 2 })
const doorB = template({ task: 'accueil', weekday: 'FRIDAY', recurrence: 'CYCLE', cycleWeek: 'B', seats: 2 })

/** The templates and the cycle as the server knows them; the cycle's changes as sent. */
function serve(templates: ShiftTemplate[] = [till, deliveries, doorB]) {
  const sent: { body: unknown; ifMatch: string | null }[] = []
  let cycle: ShiftCycle = { startsOn: '2027-03-01', currentWeek: 'A', inUse: true }
  server.use(
    http.get(api('/shift-templates'), () => HttpResponse.json({ items: templates })),
    http.get(api('/shift-cycle'), () => HttpResponse.json(cycle, { headers: { ETag: '"2"' } })),
    http.put(api('/shift-cycle'), async ({ request }) => {
      const body = (await request.json()) as { startsOn: string }
      sent.push({ body, ifMatch: request.headers.get('If-Match') })
      cycle = { ...cycle, startsOn: body.startsOn, currentWeek: 'D' }
      return HttpResponse.json(cycle, { headers: { ETag: '"3"' } })
    }),
  )
  return sent
}

const day = (wrapper: Awaited<ReturnType<typeof renderApp>>, weekday: string) => wrapper.get(`[data-weekday="${weekday}"]`)

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the shift templates', () => {
  it('lays out the co-op’s week day by day, each template with its hours, seats and week', async () => {
    serve()
    const wrapper = await renderApp('/gestion/creneaux-types')

    expect(wrapper.get('h1').text()).toBe('Créneaux types')
    expect(wrapper.findAll('.template-day h2').map((h) => h.text())).toEqual([
      'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
    ])
    const wednesday = day(wrapper, 'WEDNESDAY')
    expect(wednesday.findAll('strong').map((s) => s.text())).toEqual(['réception des livraisons', 'caisse'])
    const card = wrapper.get(`[data-testid="template-${till.id}"]`)
    expect(card.attributes('href')).toBe(`/gestion/creneaux-types/${till.id}`)
    expect(card.text()).toContain('17:00 – 19:00')
    expect(card.text()).toContain('chaque semaine')
    expect(card.text()).toContain('3 places, dont 1 fixes')
    expect(card.text()).toContain('1 × caisse formée')
    expect(day(wrapper, 'FRIDAY').text()).toContain('semaine B')
    expect(day(wrapper, 'MONDAY').text()).toContain('Rien ce jour-là')
  })

  it('shows one week of the cycle: the weekly templates and that week’s own', async () => {
    serve()
    const wrapper = await renderApp('/gestion/creneaux-types')

    await click(wrapper, 'A')
    expect(day(wrapper, 'FRIDAY').text()).not.toContain('accueil')
    expect(day(wrapper, 'WEDNESDAY').text()).toContain('caisse')
    await click(wrapper, 'B')
    expect(day(wrapper, 'FRIDAY').text()).toContain('accueil')
  })

  it('moves the cycle’s week A to another Monday, with the version read', async () => {
    const sent = serve()
    const wrapper = await renderApp('/gestion/creneaux-types')
    expect(wrapper.get('[data-testid="current-week"]').text()).toBe('Cette semaine est la semaine A.')

    await typeInto(wrapper, 'cycle-starts-on', '10/03/2027')
    await click(wrapper, 'Changer le début du cycle')
    expect(sent).toEqual([])
    expect(wrapper.get('#cycle-starts-on-error').text()).toBe('Choisissez un lundi.')

    await typeInto(wrapper, 'cycle-starts-on', '08/03/2027')
    await click(wrapper, 'Changer le début du cycle')
    expect(sent).toEqual([{ body: { startsOn: '2027-03-08' }, ifMatch: '"2"' }])
    expect(wrapper.get('[data-testid="current-week"]').text()).toBe('Cette semaine est la semaine D.')
    expect(document.body.textContent).toContain('Cycle enregistré')
  })

  it('invites to create the first template when there is none', async () => {
    serve([])
    const wrapper = await renderApp('/gestion/creneaux-types')
    expect(wrapper.text()).toContain("Aucun créneau type pour l'instant")
    expect(wrapper.find('.template-week').exists()).toBe(false)
  })
})
