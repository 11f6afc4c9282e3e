import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { Fundraiser } from '../features/fundraisers/model'
import { fridgeId, fundraiser, scalesId } from '../test/fundraisers'
import { api, plain } from '../test/http'
import { choose, click, typeInto } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'

const fridge = fundraiser()
const scales = fundraiser({ id: scalesId, title: 'Une balance pour le vrac', status: 'REACHED', goalCents: 20_000, pledgedCents: 20_000, percent: 100, pledgers: 4, myPledge: { amountCents: 3_000, anonymous: false, status: 'DUE', pledgedAt: fridge.openedAt } })

/** The fundraisers the server lists, by the state asked for; the queries it was sent. */
function serve(all: Fundraiser[]) {
  const queries: URLSearchParams[] = []
  server.use(
    http.get(api('/fundraisers'), ({ request }) => {
      const query = new URL(request.url).searchParams
      queries.push(query)
      const status = query.get('status')
      return HttpResponse.json({ items: all.filter((f) => !status || f.status === status), nextCursor: null })
    }),
  )
  return queries
}

freezeClock()

describe('Cagnottes', () => {
  it('lists the open fundraisers with a progress bar, the amounts written out, and the member\'s pledge', async () => {
    serve([fridge, scales])
    const wrapper = await renderApp('/cagnottes')

    expect(wrapper.get('h1').text()).toBe('Cagnottes')
    const card = wrapper.get(`[data-testid="fundraiser-${fridgeId}"]`)
    expect(card.get('h3 a').attributes('href')).toBe(`/cagnottes/${fridgeId}`)
    expect(card.text()).toContain('En cours')
    expect(plain(card.get('[data-testid="progress"]').text())).toBe('230,00 € promis sur 600,00 € (38 %) · 5 promesses')
    const bar = card.get('[role="progressbar"]')
    expect(bar.attributes('aria-valuenow')).toBe('38')
    expect(plain(bar.attributes('aria-label') ?? '')).toBe('230,00 € promis sur 600,00 € (38 %)')
    expect(wrapper.find(`[data-testid="fundraiser-${scalesId}"]`).exists()).toBe(false)
  })

  it('shows the fundraisers that reached their goal, with what the member owes', async () => {
    const queries = serve([fridge, scales])
    const wrapper = await renderApp('/cagnottes')

    await choose(wrapper, '[data-testid="fundraisers"] .p-select', 'Objectif atteint')
    expect(queries.at(-1)?.get('status')).toBe('REACHED')
    const card = wrapper.get(`[data-testid="fundraiser-${scalesId}"]`)
    expect(card.text()).toContain('Objectif atteint')
    expect(plain(card.get('[data-testid="my-pledge"]').text())).toBe(
      'Votre promesse de 30,00 € est due : elle est portée au compte de votre foyer.',
    )
  })

  it('opens a fundraiser: the goal in euros is sent in cents, the deadline at the end of its day, then shows it', async () => {
    serve([])
    let sent: Record<string, unknown> | undefined
    server.use(
      http.post(api('/fundraisers'), async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(fundraiser({ pledgedCents: 0, percent: 0, pledgers: 0 }), { status: 201 })
      }),
      http.get(api('/fundraisers/:id'), () => HttpResponse.json(fundraiser({ pledgedCents: 0, percent: 0, pledgers: 0 }))),
      http.get(api('/fundraisers/:id/pledges'), () => HttpResponse.json({ items: [], nextCursor: null })),
    )
    const wrapper = await renderApp('/cagnottes')

    await click(wrapper, 'Ouvrir une cagnotte')
    await click(wrapper, 'Ouvrir la cagnotte')
    expect(sent).toBeUndefined()
    expect(wrapper.get('[data-testid="open-fundraiser"]').text()).toContain('Dites en quelques mots pour quoi.')

    await wrapper.get('input#fundraiser-title').setValue('Un frigo pour le local')
    await wrapper.get('textarea#fundraiser-description').setValue('Le vieux frigo tombe en panne.')
    await typeInto(wrapper, 'fundraiser-goal', '600')
    await typeInto(wrapper, 'fundraiser-deadline', '31/12/2026')
    await click(wrapper, 'Ouvrir la cagnotte')
    await flushPromises()

    expect(sent).toEqual({
      title: 'Un frigo pour le local',
      description: 'Le vieux frigo tombe en panne.',
      goalCents: 60_000,
      deadline: new Date(2026, 11, 31, 23, 59).toISOString(),
    })
    // The fundraiser's page is its own chunk: it comes once loaded.
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Un frigo pour le local'), { timeout: 5000 })
    expect(wrapper.vm.$route.path).toBe(`/cagnottes/${fridgeId}`)
  })
})
