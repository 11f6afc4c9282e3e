import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { addDays, todayIso } from '../../dates'
import type { OrderStats } from '../../features/drive-admin/model'
import { mondayOf } from '../../features/drive-admin/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

// jsdom cannot draw on a canvas: the chart shows the figures it was given instead.
vi.mock('vue-chartjs', () => ({
  Bar: defineComponent({
    props: { data: { type: Object, required: true } },
    setup: (props) => () => h('pre', { 'data-testid': 'chart' }, JSON.stringify(props.data)),
  }),
}))

const stats: OrderStats = {
  weeks: [
    { weekStart: '2026-11-16', orders: 12, revenueCents: 31450 },
    { weekStart: '2026-11-23', orders: 0, revenueCents: 0 },
    { weekStart: '2026-11-30', orders: 20, revenueCents: 52005 },
  ],
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the drive sales', () => {
  it('charts orders and revenue per week over the last twelve weeks, with the figures in a table', async () => {
    const asked: URLSearchParams[] = []
    server.use(
      http.get(api('/orders/stats'), ({ request }) => {
        asked.push(new URL(request.url).searchParams)
        return HttpResponse.json(stats)
      }),
    )

    const wrapper = await renderApp('/gestion/ventes-drive')

    expect(wrapper.get('h1').text()).toBe('Ventes du drive')
    expect(Object.fromEntries(asked[0]!)).toEqual({ from: addDays(mondayOf(todayIso()), -77), to: todayIso() })
    const [orders, revenue] = wrapper.findAll('[data-testid="chart"]').map((c) => JSON.parse(c.text()))
    expect(orders.labels).toEqual(['16 nov.', '23 nov.', '30 nov.'])
    expect(orders.datasets.map((d: { label: string; data: number[] }) => [d.label, d.data])).toEqual([['Commandes', [12, 0, 20]]])
    expect(revenue.datasets.map((d: { label: string; data: number[] }) => [d.label, d.data])).toEqual([
      ["Chiffre d'affaires", [314.5, 0, 520.05]],
    ])
    const table = plain(wrapper.get('[data-testid="drive-stats-table"]').text())
    expect(table).toContain('lundi 30 novembre 2026')
    expect(table).toContain('520,05 €')
    expect(table).toMatch(/Total\s*32\s*834,55 €/)
  })

  it('asks again for another period', async () => {
    const asked: URLSearchParams[] = []
    server.use(
      http.get(api('/orders/stats'), ({ request }) => {
        asked.push(new URL(request.url).searchParams)
        return HttpResponse.json(stats)
      }),
    )
    const wrapper = await renderApp('/gestion/ventes-drive')

    await wrapper.get('input#drive-stats-from').setValue('2026-01-05')

    await vi.waitFor(() => expect(asked.at(-1)?.get('from')).toBe('2026-01-05'))
    expect(asked.at(-1)?.get('to')).toBe(todayIso())
  })

  it('says why the figures are missing', async () => {
    server.use(http.get(api('/orders/stats'), () => problem(400, { detail: 'Au plus 53 semaines.' })))

    const wrapper = await renderApp('/gestion/ventes-drive')

    expect(wrapper.get('[role="alert"]').text()).toBe('Certaines informations sont invalides.')
  })
})
