import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain } from '../../test/http'
import { click } from '../../test/interact'
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

const report = (groupBy: string) => ({
  from: '2026-11-01',
  to: '2026-11-24',
  groupBy,
  rows: [{ id: '00000000-0000-0000-0000-0000000000e1', label: 'Fruits et légumes', quantity: 3.5, valueCents: 1260 }],
  totalValueCents: 1260,
  currency: 'EUR',
})

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the losses', () => {
  it('charts the losses of the period by the grouping chosen, and downloads them as CSV', async () => {
    const asked: { groupBy: string | null; accept: string | null }[] = []
    server.use(
      http.get(api('/stock/losses'), ({ request }) => {
        const groupBy = new URL(request.url).searchParams.get('groupBy')
        const accept = request.headers.get('Accept')
        asked.push({ groupBy, accept })
        if (accept === 'text/csv') return new HttpResponse('Catégorie;Quantité;Valeur\n', { headers: { 'Content-Type': 'text/csv' } })
        return HttpResponse.json(report(groupBy!))
      }),
    )
    // jsdom has no downloads: look at what the page hands to the browser.
    URL.createObjectURL = vi.fn(() => 'blob:losses')
    URL.revokeObjectURL = vi.fn()
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^pertes-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
    })
    const wrapper = await renderApp('/gestion/pertes')

    expect(wrapper.get('h1').text()).toBe('Pertes')
    expect(asked[0].groupBy).toBe('PRODUCT')
    await wrapper.get('select#losses-group').setValue('CATEGORY')
    await vi.waitFor(() => expect(asked.at(-1)?.groupBy).toBe('CATEGORY'))
    await vi.waitFor(() => expect(wrapper.get('thead').text()).toContain('Catégorie'))
    expect(plain(wrapper.text())).toContain('Total : 12,60 €')
    expect(JSON.parse(wrapper.get('[data-testid="chart"]').text())[0].data).toEqual([12.6])
    expect(plain(wrapper.get('tbody tr').text())).toContain('3,5')

    await click(wrapper, 'Télécharger en CSV')
    await vi.waitFor(() => expect(asked.at(-1)).toEqual({ groupBy: 'CATEGORY', accept: 'text/csv' }))
    await vi.waitFor(() => expect(clicked).toHaveBeenCalledOnce())
    clicked.mockRestore()
  })
})
