import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { Proposal } from '../features/governance/model'
import { memberId, otherId, proposal, proposalId, response } from '../test/governance'
import { api, problem } from '../test/http'
import { click } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'

const block = response({
  id: 'e3000000-0000-4000-8000-000000000002',
  memberId,
  memberName: 'Basile Martin',
  kind: 'BLOCK',
  comment: 'Trop cher',
  counterProposal: 'Réparer l’ancien',
  counterProposalHtml: '<p>Réparer l’ancien</p>\n',
})

/** The proposal as the server keeps it: each response replaces the caller's, as PUT …/responses/mine does. */
function serve(initial: Proposal) {
  let current = initial
  const sent: Record<string, unknown>[] = []
  server.use(
    http.get(api('/proposals/:id'), ({ params }) =>
      params.id === current.id ? HttpResponse.json(current, { headers: { ETag: '"3"' } }) : HttpResponse.json(proposal({ id: String(params.id), round: 2, title: 'Tour 2' })),
    ),
    http.put(api('/proposals/:id/responses/mine'), async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>
      sent.push(body)
      if (body.kind === 'BLOCK' && !body.counterProposal) {
        return problem(400, { errors: [{ field: 'counterProposal', message: 'une objection bloquante vient avec une contre-proposition' }] })
      }
      const mine = response({ memberId, memberName: 'Moi Même', kind: body.kind as never, counterProposal: body.counterProposal as string })
      current = { ...current, myResponse: mine, responses: [...(current.responses ?? []).filter((r) => r.memberId !== memberId), mine] }
      return HttpResponse.json(current)
    }),
  )
  return sent
}

freezeClock()

describe('Une proposition', () => {
  it('shows its text, its rule in one sentence, every response with its name and the counter-proposals', async () => {
    serve(proposal({ responses: [response(), block], tally: { agree: 1, standAside: 0, concern: 0, block: 1, responded: 2, eligible: 12, quorum: 0 } }))
    const wrapper = await renderApp(`/decisions/${proposalId}`)

    expect(wrapper.get('h1').text()).toBe('Un frigo pour le local')
    expect(wrapper.get('[data-testid="proposal-body"]').html()).toContain('<strong>d’occasion</strong>')
    expect(wrapper.get('[data-testid="rule"]').text()).toBe(
      "Par consentement : la proposition est adoptée si personne ne la bloque d'ici la date limite.",
    )
    expect(wrapper.get('[data-testid="responded"]').text()).toBe('2 réponses sur 12')
    expect(wrapper.get(`[data-testid="response-${otherId}"]`).text()).toContain("Rémi Lefèvre — D'accord")
    const blocked = wrapper.get(`[data-testid="response-${memberId}"]`)
    expect(blocked.text()).toContain('Basile Martin — Je bloque')
    expect(blocked.text()).toContain('Trop cher')
    expect(blocked.text()).toContain('Réparer l’ancien')
  })

  it('agrees in one tap, and a block asks for its counter-proposal before it is sent', async () => {
    const sent = serve(proposal())
    const wrapper = await renderApp(`/decisions/${proposalId}`)

    await click(wrapper, "D'accord")
    expect(sent.at(-1)).toMatchObject({ kind: 'AGREE', counterProposal: null })
    expect(wrapper.get('[data-testid="respond"]').text()).toContain("Vous avez répondu : D'accord.")

    await click(wrapper, 'Je bloque')
    expect(sent).toHaveLength(1)
    await click(wrapper, 'Envoyer ma réponse')
    expect(wrapper.get('[data-testid="response-text"]').text()).toContain('une objection bloquante vient avec une contre-proposition')
    await wrapper.get('textarea#response-counter-proposal').setValue('Un frigo d’occasion')
    await click(wrapper, 'Envoyer ma réponse')
    expect(sent.at(-1)).toMatchObject({ kind: 'BLOCK', counterProposal: 'Un frigo d’occasion' })
    expect(wrapper.get(`[data-testid="response-${memberId}"]`).text()).toContain('Moi Même — Je bloque')
  })

  it('lets the author start the next round from a block, and shows the history of rounds', async () => {
    serve(
      proposal({
        authorId: memberId,
        responses: [block],
        may: { respond: true, withdraw: true, startRound: true, recordOutcome: false },
        rounds: [{ id: proposalId, round: 1, title: 'Un frigo pour le local', status: 'OPEN', authorName: 'Moi Même', deadline: proposal().deadline }],
      }),
    )
    let started: Record<string, unknown> | undefined
    server.use(
      http.post(api('/proposals/:id/rounds'), async ({ request }) => {
        started = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(proposal({ id: 'e0000000-0000-4000-8000-000000000005', round: 2 }), { status: 201 })
      }),
    )
    const wrapper = await renderApp(`/decisions/${proposalId}`)

    await click(wrapper, 'Lancer le tour suivant avec cette contre-proposition')
    expect(started).toMatchObject({ fromResponseId: block.id })
    await vi.waitFor(() => expect(wrapper.vm.$router.currentRoute.value.path).toBe('/decisions/e0000000-0000-4000-8000-000000000005'))
  })

  it('shows a round superseded, why, and the rounds that followed', async () => {
    serve(
      proposal({
        status: 'SUPERSEDED',
        may: { respond: false, withdraw: false, startRound: false, recordOutcome: false },
        rounds: [
          { id: proposalId, round: 1, title: 'Un frigo pour le local', status: 'SUPERSEDED', authorName: 'Alice Martin', deadline: proposal().deadline },
          { id: 'e0000000-0000-4000-8000-000000000005', round: 2, title: 'Un frigo pour le local', status: 'OPEN', authorName: 'Basile Martin', deadline: proposal().deadline },
        ],
      }),
    )
    const wrapper = await renderApp(`/decisions/${proposalId}`)
    expect(wrapper.text()).toContain('Remplacée par un nouveau tour')
    expect(wrapper.find('[data-testid="respond"]').exists()).toBe(false)
    const rounds = wrapper.get('[data-testid="rounds"]')
    expect(rounds.findAll('li').map((li) => li.text())).toEqual([
      'Tour 1 — Alice Martin — Remplacée par un nouveau tour',
      'Tour 2 — Basile Martin — En cours',
    ])
    expect(rounds.get('a').attributes('href')).toBe('/decisions/e0000000-0000-4000-8000-000000000005')
  })
})
