import type { VueWrapper } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Member } from '../features/members/meStore'
import { api, plain, problem } from '../test/http'
import {
  awaitingPayment,
  bruno,
  cashPayment,
  coupleQuote,
  dueEntries,
  householdId,
  ledger,
  moreau,
  paid,
} from '../test/memberships'
import { click, typeInto as typeNumber } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'

function serveMember(member: Member) {
  server.use(http.get(api('/me'), () => HttpResponse.json(member, { headers: { ETag: '"1"' } })))
}

function serveHousehold(memberships = [awaitingPayment], entries = dueEntries) {
  server.use(
    http.get(api('/households/:id'), () => HttpResponse.json(moreau, { headers: { ETag: '"7"' } })),
    http.get(api('/memberships'), () => HttpResponse.json({ items: memberships, nextCursor: null })),
    http.get(api('/households/:id/ledger'), () => HttpResponse.json(ledger(entries))),
  )
}

async function askQuote(wrapper: VueWrapper, income: string, adults: string, children: string) {
  await typeNumber(wrapper, 'income', income)
  await typeNumber(wrapper, 'adults', adults)
  await typeNumber(wrapper, 'children', children)
  await click(wrapper, 'Calculer ma cotisation')
}

beforeEach(() => {
  // Renewal windows depend on today.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-24T10:00:00'))
})
afterEach(() => {
  vi.useRealTimers()
})

describe('Mon adhésion', () => {
  it('explains the fee of a quote in plain French, and says the income is not kept', async () => {
    serveMember(bruno)
    let sent: unknown
    server.use(
      http.post(api('/me/membership/quote'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(coupleQuote)
      }),
    )
    const wrapper = await renderApp('/adhesion')

    expect(wrapper.text()).toContain("Ce montant sert uniquement au calcul : il n'est jamais enregistré.")
    await askQuote(wrapper, '2500', '2', '2')

    expect(sent).toEqual({ monthlyIncomeCents: 250000, household: { adults: 2, children: 2 } })
    expect(plain(wrapper.get('[data-testid="quote-explanation"]').text())).toContain(
      'Votre foyer compte 2,1 unités de consommation. Avec 2 500 € par mois, cela fait 1 190,47 € par unité : ' +
        'tranche C, cotisation de 40,00 € par an.',
    )
  })

  it('writes decimals the French way, and a single unit in the singular', async () => {
    serveMember(bruno)
    server.use(
      http.post(api('/me/membership/quote'), () =>
        HttpResponse.json({
          ...coupleQuote,
          consumptionUnits: 1.5,
          monthlyIncomePerUnitCents: 80033,
          bracket: { code: 'B', label: 'De 600 à 1 000 €', upperBoundCents: 100000, feeCents: 2000 },
          feeCents: 2000,
        }),
      ),
    )
    const wrapper = await renderApp('/adhesion')

    await askQuote(wrapper, '1200,5', '2', '0')

    expect(plain(wrapper.get('[data-testid="quote-explanation"]').text())).toContain(
      'Votre foyer compte 1,5 unité de consommation. Avec 1 200,50 € par mois, cela fait 800,33 € par unité : ' +
        'tranche B, cotisation de 20,00 € par an.',
    )
  })

  it('blocks a quote with missing or impossible inputs, without asking the server', async () => {
    serveMember(bruno)
    let asked = 0
    server.use(
      http.post(api('/me/membership/quote'), () => {
        asked++
        return HttpResponse.json(coupleQuote)
      }),
    )
    const wrapper = await renderApp('/adhesion')

    await typeNumber(wrapper, 'adults', '0')
    await typeNumber(wrapper, 'children', '')
    await click(wrapper, 'Calculer ma cotisation')

    expect(asked).toBe(0)
    expect(wrapper.get('#income-error').text()).toBe("Indiquez le revenu mensuel du foyer (0 s'il n'y en a pas).")
    expect(wrapper.get('#adults-error').text()).toBe('Entre 1 et 20 personnes de 14 ans ou plus (vous compris).')
    expect(wrapper.get('#children-error').text()).toContain("Indiquez le nombre d'enfants de moins de 14 ans")
    expect(wrapper.get('input#adults').attributes('aria-describedby')).toBe('adults-error')
    expect(wrapper.find('[data-testid="quote-explanation"]').exists()).toBe(false)
  })

  it("shows the server's validation errors beside the inputs", async () => {
    serveMember(bruno)
    server.use(
      http.post(api('/me/membership/quote'), () =>
        problem(400, { errors: [{ field: 'household.children', message: 'doit être au plus 20' }] }),
      ),
    )
    const wrapper = await renderApp('/adhesion')

    await askQuote(wrapper, '1800', '2', '1')

    expect(wrapper.get('[role="alert"]').text()).toContain('Certaines informations sont invalides.')
    expect(wrapper.get('#children-error').text()).toBe('doit être au plus 20')
  })

  it('joins with a solidarity amount, then shows the membership awaiting payment and the account', async () => {
    let me: Member = bruno
    server.use(http.get(api('/me'), () => HttpResponse.json(me, { headers: { ETag: '"1"' } })))
    server.use(http.post(api('/me/membership/quote'), () => HttpResponse.json(coupleQuote)))
    let joined: unknown
    server.use(
      http.post(api('/me/membership'), async ({ request }) => {
        joined = await request.json()
        me = { ...bruno, householdId }
        serveHousehold([awaitingPayment], dueEntries)
        return HttpResponse.json(awaitingPayment, { status: 201 })
      }),
    )
    const wrapper = await renderApp('/adhesion')
    expect(wrapper.text()).toContain("Vous n'avez pas encore adhéré.")

    await askQuote(wrapper, '2500', '2', '2')
    await wrapper.get('input#pay-more').setValue(true)
    await typeNumber(wrapper, 'solidarity', '5')
    expect(plain(wrapper.get('[data-testid="join-total"]').text())).toBe("Vous paierez 45,00 € pour l'année.")
    await click(wrapper, 'Adhérer')

    expect(joined).toEqual({ monthlyIncomeCents: 250000, household: { adults: 2, children: 2 }, solidarityCents: 500 })
    expect(plain(document.body.textContent ?? '')).toContain('Il reste 45,00 € à payer à l\'épicerie.')
    expect(wrapper.get('[data-testid="membership-status"]').text()).toBe('En attente de paiement')
    expect(plain(wrapper.get('[data-testid="left-to-pay"]').text())).toBe('45,00 €')
    expect(wrapper.text()).toContain('Du 2 octobre 2026 au 1 octobre 2027')
    expect(wrapper.text()).toContain('Cotisation')
    expect(wrapper.text()).toContain('Solidarité')
    expect(plain(wrapper.get('[data-testid="ledger-balance"]').text())).toBe('Solde : 45,00 € à payer')
    expect(wrapper.get('[data-testid="household-name"]').text()).toBe('Foyer Moreau')
  })

  it('refuses a solidarity box ticked without an amount', async () => {
    serveMember(bruno)
    server.use(http.post(api('/me/membership/quote'), () => HttpResponse.json(coupleQuote)))
    const wrapper = await renderApp('/adhesion')

    await askQuote(wrapper, '2500', '2', '2')
    await wrapper.get('input#pay-more').setValue(true)
    await click(wrapper, 'Adhérer')

    expect(wrapper.get('#solidarity-error').text()).toBe('Indiquez un montant supérieur à 0 €, ou décochez la case.')
  })

  it('shows an active membership, who is in the household and the payments with their method', async () => {
    serveMember({ ...bruno, status: 'ACTIVE', householdId })
    serveHousehold([paid], [...dueEntries, cashPayment])

    const wrapper = await renderApp('/adhesion')

    expect(wrapper.get('[data-testid="membership-status"]').text()).toBe('Adhésion active')
    expect(plain(wrapper.get('[data-testid="left-to-pay"]').text())).toBe('0,00 €')
    expect(wrapper.text()).toContain('Paiement (espèces)')
    expect(plain(wrapper.get('[data-testid="ledger-balance"]').text())).toBe('Solde : rien à payer')
    expect(wrapper.text()).toContain('2 personnes de 14 ans ou plus, 1 enfant de moins de 14 ans')
    expect(wrapper.text()).toContain('1,8 unité de consommation')
    expect(wrapper.text()).toContain('Bruno Moreau')
    // Renewal opens 60 days before the end of the period.
    expect(wrapper.text()).toContain(
      "Votre adhésion court jusqu'au 1 octobre 2027 : vous pourrez la renouveler à partir du 2 août 2027.",
    )
    expect(wrapper.findAll('button').some((b) => b.text() === 'Renouveler mon adhésion')).toBe(false)
  })

  it('offers renewal once the window is open', async () => {
    vi.setSystemTime(new Date('2027-09-15T10:00:00'))
    serveMember({ ...bruno, status: 'ACTIVE', householdId })
    serveHousehold([paid], [...dueEntries, cashPayment])
    server.use(http.post(api('/me/membership/quote'), () => HttpResponse.json(coupleQuote)))

    const wrapper = await renderApp('/adhesion')
    expect(wrapper.get<HTMLInputElement>('input#adults').element.value).toBe('2')
    await typeNumber(wrapper, 'income', '2500')
    await click(wrapper, 'Calculer ma cotisation')

    expect(wrapper.findAll('button').some((b) => b.text() === 'Renouveler mon adhésion')).toBe(true)
  })

  it('changes the composition with the version read, and says it counts from the next renewal', async () => {
    serveMember({ ...bruno, householdId })
    serveHousehold()
    let sent: { ifMatch: string | null; body: unknown } | undefined
    server.use(
      http.put(api('/households/:id'), async ({ request }) => {
        const body = (await request.json()) as typeof moreau
        sent = { ifMatch: request.headers.get('If-Match'), body }
        return HttpResponse.json({ ...moreau, ...body, consumptionUnits: 2.3 }, { headers: { ETag: '"8"' } })
      }),
    )
    const wrapper = await renderApp('/adhesion')
    expect(wrapper.text()).toContain('La nouvelle composition comptera à partir de votre prochain renouvellement')

    await typeNumber(wrapper, 'household-adults', '3')
    await click(wrapper, 'Enregistrer')

    expect(sent).toEqual({ ifMatch: '"7"', body: { name: 'Foyer Moreau', adults: 3, children: 1 } })
    expect(wrapper.text()).toContain('2,3 unités de consommation')
  })
})
