import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Fundraiser, FundraiserPledge } from '../features/fundraisers/model'
import { fridgeId, fundraiser, pledgeOf } from '../test/fundraisers'
import { api, plain, problem } from '../test/http'
import { click, typeInto } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'

const bruno = pledgeOf()
const hidden = pledgeOf({ id: 'e3000000-0000-4000-8000-000000000002', amountCents: 2_000, anonymous: true, pledger: null })

/** A fundraiser and its pledges as the server keeps them; each PUT or DELETE changes the member's pledge. */
function serve(initial: Fundraiser, pledges: FundraiserPledge[] = [bruno, hidden]) {
  let current = { ...initial }
  const percentOf = (cents: number) => Math.min(100, Math.floor((cents * 100) / current.goalCents))
  const bodies: unknown[] = []
  server.use(
    http.get(api('/fundraisers/:id'), () => HttpResponse.json(current)),
    http.get(api('/fundraisers/:id/pledges'), () => HttpResponse.json({ items: pledges, nextCursor: null })),
    http.put(api('/fundraisers/:id/pledges/mine'), async ({ request }) => {
      const body = (await request.json()) as { amountCents: number; anonymous: boolean }
      bodies.push(body)
      const before = current.myPledge?.amountCents ?? 0
      const pledgedCents = current.pledgedCents - before + body.amountCents
      current = {
        ...current,
        pledgedCents,
        percent: percentOf(pledgedCents),
        pledgers: current.pledgers + (current.myPledge ? 0 : 1),
        myPledge: { amountCents: body.amountCents, anonymous: body.anonymous, status: 'PROMISED', pledgedAt: current.openedAt },
      }
      return HttpResponse.json(current, { status: before ? 200 : 201 })
    }),
    http.delete(api('/fundraisers/:id/pledges/mine'), () => {
      const pledgedCents = current.pledgedCents - (current.myPledge?.amountCents ?? 0)
      current = { ...current, pledgedCents, percent: percentOf(pledgedCents), pledgers: current.pledgers - 1, myPledge: null }
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return { bodies, set: (f: Fundraiser) => (current = f) }
}

const progress = (wrapper: Awaited<ReturnType<typeof renderApp>>) => plain(wrapper.get('[data-testid="progress"]').text())

freezeClock()

describe('Une cagnotte', () => {
  it('shows its progress, who opened it and the pledges, anonymous ones without a name', async () => {
    serve(fundraiser())
    const wrapper = await renderApp(`/cagnottes/${fridgeId}`)

    expect(wrapper.get('h1').text()).toBe('Un frigo pour le local')
    expect(wrapper.text()).toContain('Ouverte par Alice Martin')
    expect(progress(wrapper)).toBe('230,00 € promis sur 600,00 € (38 %) · 5 promesses')
    const pledges = wrapper.get('[data-testid="pledges"]').findAll('li').map((li) => plain(li.text()))
    expect(pledges[0]).toContain('Bruno Petit50,00 €')
    expect(pledges[1]).toContain('Anonyme20,00 €')
  })

  it('pledges an amount in euros, sent in cents, anonymously, then changes and withdraws it', async () => {
    const { bodies } = serve(fundraiser())
    const wrapper = await renderApp(`/cagnottes/${fridgeId}`)

    await click(wrapper, 'Je promets')
    expect(wrapper.get('[data-testid="pledge"]').text()).toContain('Indiquez un montant de plus de 0 €.')
    expect(bodies).toEqual([])

    await typeInto(wrapper, 'pledge-amount', '25,5')
    await wrapper.get('input#pledge-anonymous').setValue(true)
    await click(wrapper, 'Je promets')
    expect(bodies).toEqual([{ amountCents: 2_550, anonymous: true }])
    expect(progress(wrapper)).toBe('255,50 € promis sur 600,00 € (42 %) · 6 promesses')
    expect(plain(wrapper.get('[data-testid="current-pledge"]').text())).toBe(
      'Votre promesse : 25,50 €. (anonyme pour les autres adhérent·es)',
    )
    expect(plain(document.body.textContent ?? '')).toContain('Promesse enregistrée : 25,50 €')

    await typeInto(wrapper, 'pledge-amount', '40')
    await click(wrapper, 'Modifier ma promesse')
    expect(bodies.at(-1)).toEqual({ amountCents: 4_000, anonymous: true })
    expect(progress(wrapper)).toBe('270,00 € promis sur 600,00 € (45 %) · 6 promesses')

    await click(wrapper, 'Retirer ma promesse')
    expect(progress(wrapper)).toBe('230,00 € promis sur 600,00 € (38 %) · 5 promesses')
    expect(wrapper.find('[data-testid="current-pledge"]').exists()).toBe(false)
  })

  it("says in the server's words why a change is refused once the goal is reached, and shows the pledge due", async () => {
    const mine = { amountCents: 5_000, anonymous: false, status: 'PROMISED' as const, pledgedAt: fundraiser().openedAt }
    const { set } = serve(fundraiser({ myPledge: mine }))
    const detail = 'La cagnotte « Un frigo pour le local » a atteint son objectif : on ne peut plus changer sa promesse.'
    server.use(
      http.delete(api('/fundraisers/:id/pledges/mine'), () => {
        set(fundraiser({ status: 'REACHED', pledgedCents: 60_000, percent: 100, myPledge: { ...mine, status: 'DUE' } }))
        return problem(409, { type: 'https://panier.coop/problems/fundraiser-reached', detail })
      }),
    )
    const wrapper = await renderApp(`/cagnottes/${fridgeId}`)

    await click(wrapper, 'Retirer ma promesse')
    expect(wrapper.get('[data-testid="pledge"] [role="alert"]').text()).toBe(detail)
    expect(plain(wrapper.get('[data-testid="pledge-outcome"]').text())).toBe(
      'Votre promesse de 50,00 € est due : elle est portée au compte de votre foyer.',
    )
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('Modifier ma promesse')
    expect(wrapper.text()).toContain('Objectif atteint')
  })
})
