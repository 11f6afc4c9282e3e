import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { MembershipStats } from '../../features/memberships/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { scaleId } from '../../test/memberships'
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

const stats: MembershipStats = {
  scaleId,
  asOf: '2026-11-24',
  currency: 'EUR',
  brackets: [
    { code: 'A', label: 'Moins de 600 €', households: 3, dueCents: 3000, collectedCents: 2000 },
    { code: 'B', label: 'De 600 à 1 000 €', households: 5, dueCents: 10500, collectedCents: 10500 },
    { code: 'C', label: 'De 1 000 à 1 600 €', households: 0, dueCents: 0, collectedCents: 0 },
    { code: 'D', label: '1 600 € et plus', households: 1, dueCents: 6000, collectedCents: 0 },
  ],
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the membership statistics', () => {
  it('charts households and fees per bracket, with the figures in a table', async () => {
    server.use(http.get(api('/memberships/stats'), () => HttpResponse.json(stats)))

    const wrapper = await renderApp('/gestion/statistiques')

    const [households, fees] = wrapper.findAll('[data-testid="chart"]').map((c) => JSON.parse(c.text()))
    expect(households[0].data).toEqual([3, 5, 0, 1])
    expect(fees.map((d: { label: string; data: number[] }) => [d.label, d.data])).toEqual([
      ['Dû', [30, 105, 0, 60]],
      ['Encaissé', [20, 105, 0, 0]],
    ])
    const table = plain(wrapper.get('[data-testid="stats-table"]').text())
    expect(table).toContain('De 600 à 1 000 €')
    expect(table).toContain('105,00 €')
    expect(table).toMatch(/Total\s*9\s*195,00 €\s*125,00 €/)
  })

  it('says when no scale is in force that day', async () => {
    server.use(http.get(api('/memberships/stats'), () => problem(404)))

    const wrapper = await renderApp('/gestion/statistiques')

    expect(wrapper.text()).toContain("Aucun barème n'est en vigueur à cette date.")
  })
})
