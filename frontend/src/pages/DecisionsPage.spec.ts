import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { Proposal } from '../features/governance/model'
import { at } from '../test/drive'
import { proposal } from '../test/governance'
import { api, problem } from '../test/http'
import { click } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'

const fridge = proposal()
const bread = proposal({
  id: 'e0000000-0000-4000-8000-000000000002',
  title: 'Nouveau fournisseur de pain',
  rule: 'CONSENSUS',
  workingGroupId: 'e1000000-0000-4000-8000-000000000001',
  workingGroupName: 'Appro',
  tally: { agree: 0, standAside: 0, concern: 0, block: 0, responded: 0, eligible: 4, quorum: 2 },
})
const past = proposal({ id: 'e0000000-0000-4000-8000-000000000003', title: 'Ouvrir le samedi', status: 'REJECTED', rejection: 'BLOCKED', deadline: at(1, 8) })

function serve(open: Proposal[], closed: Proposal[]) {
  const posted: unknown[] = []
  server.use(
    http.get(api('/proposals'), ({ request }) =>
      HttpResponse.json({ items: new URL(request.url).searchParams.get('open') === 'false' ? closed : open, nextCursor: null }),
    ),
    http.get(api('/governance/rules'), () => HttpResponse.json({ minDeadlineDays: 7, consensusQuorumPercent: 50 })),
    http.get(api('/working-groups'), () => HttpResponse.json({ items: [], nextCursor: null })),
    http.post(api('/proposals'), async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>
      posted.push(body)
      if (!body.title) return problem(400, { errors: [{ field: 'title', message: 'obligatoire' }] })
      return HttpResponse.json(proposal({ id: 'e0000000-0000-4000-8000-000000000009', title: String(body.title) }), { status: 201 })
    }),
    http.get(api('/proposals/:id'), ({ params }) => HttpResponse.json(proposal({ id: String(params.id), title: 'Peindre la façade' }))),
  )
  return posted
}

freezeClock()

describe('Décisions', () => {
  it('shows the open proposals first, each with its rule in one sentence and how many responded, then the past ones', async () => {
    serve([fridge, bread], [past])
    const wrapper = await renderApp('/decisions')

    expect(wrapper.get('h1').text()).toBe('Décisions')
    const open = wrapper.get('[data-testid="open-proposals"]')
    expect(open.findAll('h3').map((h) => h.text())).toEqual(['Un frigo pour le local', 'Nouveau fournisseur de pain'])
    const first = open.get(`[data-testid="proposal-${fridge.id}"]`)
    expect(first.text()).toContain('Par consentement : la proposition est adoptée si personne ne la bloque')
    expect(first.text()).toContain('Toute la coopérative')
    expect(first.get('[data-testid="responded"]').text()).toBe('1 réponse sur 12')
    const second = open.get(`[data-testid="proposal-${bread.id}"]`)
    expect(second.text()).toContain('au moins 2 personnes ont répondu')
    expect(second.text()).toContain('Commission Appro')
    const closed = wrapper.get('[data-testid="closed-proposals"]')
    expect(closed.text()).toContain('Ouvrir le samedi')
    expect(closed.text()).toContain('Non adoptée')
    expect(closed.text()).toContain('Une objection bloquante tient.')
  })

  it('makes a new proposal with the evening of the day chosen as its deadline, and opens it', async () => {
    const posted = serve([], [])
    const wrapper = await renderApp('/decisions')

    await click(wrapper, 'Nouvelle proposition')
    await wrapper.get('input#proposal-title').setValue('Peindre la façade')
    await wrapper.get('textarea#proposal-body').setValue('En vert.')
    await click(wrapper, 'Proposer')
    expect(posted).toHaveLength(1)
    const body = posted[0] as Record<string, unknown>
    expect(body).toMatchObject({ title: 'Peindre la façade', body: 'En vert.', rule: 'CONSENT', workingGroupId: null })
    expect(new Date(String(body.deadline)).getTime()).toBe(new Date(2026, 11, 8, 20, 0).getTime())
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Peindre la façade'))
    expect(wrapper.vm.$router.currentRoute.value.path).toBe('/decisions/e0000000-0000-4000-8000-000000000009')
  })

  it("shows the server's word under the field it refuses", async () => {
    serve([], [])
    const wrapper = await renderApp('/decisions')
    await click(wrapper, 'Nouvelle proposition')
    await click(wrapper, 'Proposer')
    expect(wrapper.get('[data-testid="proposal-form"]').text()).toContain('obligatoire')
  })
})
