import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { HouseholdBalance } from '../../features/volunteering/hours/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain } from '../../test/http'
import { choose, click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

// jsdom cannot draw on a canvas: the chart shows the figures it was given instead.
vi.mock('vue-chartjs', () => ({
  Bar: defineComponent({
    props: { data: { type: Object, required: true } },
    setup: (props) => () =>
      h('pre', { 'data-testid': 'chart' }, JSON.stringify((props.data as { datasets: unknown[] }).datasets)),
  }),
}))

const petit: HouseholdBalance = {
  householdId: 'f1000000-0000-4000-8000-000000000001',
  householdName: 'Foyer Petit',
  adults: 2,
  members: ['Tom Petit', 'Zoé Petit'],
  standing: 'SUSPENDED',
  balanceMinutes: -780,
  requiredThisMonthMinutes: 360,
  creditedThisMonthMinutes: 90,
  behindSince: '2026-09',
  sentence: 'Votre foyer est suspendu : il lui manque 13 h depuis septembre, au-delà des 30 jours de délai ; 13 h de bénévolat, en créneaux ou en heures déclarées, suffisent pour revenir à jour.',
}
const martin: HouseholdBalance = { ...petit, householdId: 'f1000000-0000-4000-8000-000000000002', householdName: 'Foyer Martin', members: ['Alice Martin'], standing: 'UP_TO_DATE', balanceMinutes: 120, behindSince: undefined, sentence: 'Votre foyer est à jour.' }

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('households by balance', () => {
  it('lists who is behind first, filters by standing, and charts the hours given per month', async () => {
    const standings: (string | null)[] = []
    server.use(
      http.get(api('/volunteering/balances'), ({ request }) => {
        const standing = new URL(request.url).searchParams.get('standing')
        standings.push(standing)
        return HttpResponse.json({ items: standing ? [petit] : [petit, martin], nextCursor: null })
      }),
      http.get(api('/volunteering/hours-per-month'), () =>
        HttpResponse.json({ items: [{ month: '2026-11', shiftMinutes: 600, loggedMinutes: 150, giftedMinutes: 60 }, { month: '2026-12', shiftMinutes: 90, loggedMinutes: 0, giftedMinutes: 0 }] }),
      ),
    )
    const wrapper = await renderApp('/gestion/benevolat')

    expect(wrapper.get('h1').text()).toBe('Bénévolat des foyers')
    const rows = wrapper.get('[data-testid="balances"]').findAll('tbody tr').map((r) => r.findAll('td').map((td) => plain(td.text())))
    expect(rows[0].slice(0, 5)).toEqual(['Foyer PetitTom Petit, Zoé Petit', 'Suspendu', '−13 h', '1 h 30 / 6 h', 'septembre 2026'])
    expect(rows[0][5]).toContain('il lui manque 13 h depuis septembre')
    expect(rows[1].slice(0, 3)).toEqual(['Foyer MartinAlice Martin', 'À jour', '2 h'])
    const [shifts, logged, gifted] = JSON.parse(wrapper.get('[data-testid="chart"]').text())
    expect(shifts.data).toEqual([10, 1.5])
    expect(logged.data).toEqual([2.5, 0])
    expect(gifted.data).toEqual([1, 0])

    await choose(wrapper, '#balances-standing', 'Suspendu')
    expect(standings.at(-1)).toBe('SUSPENDED')
  })

  it('exports every household as CSV', async () => {
    server.use(
      http.get(api('/volunteering/balances'), () => HttpResponse.json({ items: [petit], nextCursor: null })),
      http.get(api('/volunteering/hours-per-month'), () => HttpResponse.json({ items: [] })),
      http.get(api('/volunteering/balances/export'), () =>
        new HttpResponse('\ufeffFoyer;Adultes\r\nFoyer Petit;2\r\n', { headers: { 'Content-Type': 'text/csv' } }),
      ),
    )
    let downloaded: Blob | undefined
    URL.createObjectURL = vi.fn((blob: Blob) => {
      downloaded = blob
      return 'blob:heures'
    })
    URL.revokeObjectURL = vi.fn()
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^heures-par-foyer-\d{4}-\d{2}-\d{2}\.csv$/)
    })
    const wrapper = await renderApp('/gestion/benevolat')

    await click(wrapper, 'Exporter en CSV')

    expect(clicked).toHaveBeenCalledOnce()
    expect(await downloaded?.text()).toContain('Foyer Petit;2')
  })
})
