import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LedgerEntry } from '../../features/households/model'
import type { Membership, PaymentInput } from '../../features/memberships/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { click, typeInto } from '../../test/interact'
import { awaitingPayment, cashPayment, dueEntries, ledger, moreau, paid } from '../../test/memberships'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const page = `/gestion/adhesions/${awaitingPayment.id}`

/** The membership as the server knows it, and the payments it received with their keys. */
function serveMembership() {
  const state = { membership: awaitingPayment as Membership, entries: [...dueEntries] as LedgerEntry[] }
  const payments: { key: string | null; body: PaymentInput }[] = []
  server.use(
    http.get(api('/memberships/:id'), () => HttpResponse.json(state.membership)),
    http.get(api('/households/:id'), () => HttpResponse.json(moreau, { headers: { ETag: '"7"' } })),
    http.get(api('/households/:id/ledger'), () => HttpResponse.json(ledger(state.entries))),
    http.post(api('/memberships/:id/payments'), async ({ request }) => {
      const body = (await request.json()) as PaymentInput
      const key = request.headers.get('Idempotency-Key')
      payments.push({ key, body })
      // Like the server: the same key records nothing more.
      if (payments.filter((p) => p.key === key).length === 1) {
        state.membership = paid
        state.entries = [...dueEntries, { ...cashPayment, amountCents: -body.amountCents, method: body.method }]
      }
      return HttpResponse.json(cashPayment, { status: 201 })
    }),
  )
  return { state, payments }
}

function submitPayment(wrapper: Awaited<ReturnType<typeof renderApp>>) {
  return wrapper.get('form.payment-form').trigger('submit')
}

async function chooseCash(wrapper: Awaited<ReturnType<typeof renderApp>>) {
  await wrapper.findAll('.methods button').find((b) => b.text() === 'Espèces')!.trigger('click')
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('recording a payment', () => {
  it('proposes what is left to pay, sends one Idempotency-Key per payment, and shows the new status', async () => {
    const { payments } = serveMembership()
    const wrapper = await renderApp(page)
    expect(wrapper.get('[data-testid="membership-status"]').text()).toBe('En attente de paiement')
    expect(plain(wrapper.get<HTMLInputElement>('input#payment-amount').element.value)).toBe('45,00 €')

    await chooseCash(wrapper)
    // A double click: the second submission finds the first one under way.
    await submitPayment(wrapper)
    await submitPayment(wrapper)
    await flushPromises()

    expect(payments).toHaveLength(1)
    expect(payments[0]!.key).toMatch(/^[0-9a-f-]{32,36}$/)
    expect(payments[0]!.body).toEqual({ amountCents: 4500, method: 'CASH', paidOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    expect(wrapper.get('[data-testid="membership-status"]').text()).toBe('Adhésion active')
    expect(plain(wrapper.get('[data-testid="left-to-pay"]').text())).toBe('0,00 €')
    expect(wrapper.text()).toContain('Paiement (espèces)')
    expect(document.body.textContent).toContain('Paiement enregistré')
  })

  it('retries with the same key when the answer got lost, and uses a new key for another payment', async () => {
    const { payments } = serveMembership()
    server.use(http.post(api('/memberships/:id/payments'), () => HttpResponse.error(), { once: true }))
    let lostKey: string | null = null
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && lostKey === null) lostKey = request.headers.get('Idempotency-Key')
    })
    const wrapper = await renderApp(page)
    await chooseCash(wrapper)

    await click(wrapper, 'Enregistrer le paiement')
    expect(wrapper.get('[role="alert"]').text()).toContain('Le serveur ne répond pas')
    await click(wrapper, 'Enregistrer le paiement')

    expect(payments.map((p) => p.key)).toEqual([lostKey])
    expect(wrapper.get('[data-testid="membership-status"]').text()).toBe('Adhésion active')

    await typeInto(wrapper, 'payment-amount', '10')
    await chooseCash(wrapper)
    await click(wrapper, 'Enregistrer le paiement')

    expect(payments).toHaveLength(2)
    expect(payments[1]!.key).not.toBe(payments[0]!.key)
    server.events.removeAllListeners()
  })

  it('asks for the method and an amount before sending anything', async () => {
    const { payments } = serveMembership()
    const wrapper = await renderApp(page)

    await typeInto(wrapper, 'payment-amount', '')
    await click(wrapper, 'Enregistrer le paiement')

    expect(payments).toHaveLength(0)
    expect(wrapper.get('#payment-amount-error').text()).toBe('Indiquez un montant supérieur à 0 €.')
    expect(wrapper.get('#payment-method-error').text()).toBe('Choisissez le moyen de paiement.')
  })

  it("shows the server's validation errors beside the fields", async () => {
    serveMembership()
    server.use(
      http.post(api('/memberships/:id/payments'), () =>
        problem(400, { errors: [{ field: 'paidOn', message: 'ne peut pas être dans le futur' }] }),
      ),
    )
    const wrapper = await renderApp(page)
    await chooseCash(wrapper)

    await click(wrapper, 'Enregistrer le paiement')

    expect(wrapper.get('#payment-date-error').text()).toBe('ne peut pas être dans le futur')
  })
})

describe('granting a waiver', () => {
  it('needs a reason, and records the amount with it', async () => {
    serveMembership()
    let sent: unknown
    server.use(
      http.post(api('/memberships/:id/waivers'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json({ ...cashPayment, kind: 'WAIVER', amountCents: -1000 }, { status: 201 })
      }),
    )
    const wrapper = await renderApp(page)

    await typeInto(wrapper, 'waiver-amount', '10')
    await click(wrapper, 'Accorder la remise')
    expect(sent).toBeUndefined()
    expect(wrapper.get('#waiver-reason-error').text()).toBe('Indiquez la raison (500 caractères au plus).')

    await wrapper.get('textarea#waiver-reason').setValue('Décision du collectif du 12 novembre')
    await click(wrapper, 'Accorder la remise')

    expect(sent).toEqual({ amountCents: 1000, reason: 'Décision du collectif du 12 novembre' })
    expect(document.body.textContent).toContain('Remise enregistrée')
  })

  it('refuses more than what is left to pay', async () => {
    serveMembership()
    const wrapper = await renderApp(page)

    await typeInto(wrapper, 'waiver-amount', '50')
    await wrapper.get('textarea#waiver-reason').setValue('Trop')
    await click(wrapper, 'Accorder la remise')

    expect(wrapper.get('#waiver-amount-error').text()).toBe('La remise ne peut pas dépasser ce qui reste à payer.')
  })
})

describe('correcting an entry of the account', () => {
  it('records a correction that names the entry it corrects, with its reason', async () => {
    const { state } = serveMembership()
    let sent: unknown
    server.use(
      http.post(api('/households/:id/ledger/corrections'), async ({ request }) => {
        sent = await request.json()
        state.membership = { ...awaitingPayment, paidCents: 1000, leftToPayCents: 3500 }
        return HttpResponse.json({ ...cashPayment, kind: 'CORRECTION', amountCents: -1000 }, { status: 201 })
      }),
    )
    const wrapper = await renderApp(page)

    await click(wrapper, 'Corriger : Solidarité du 2 oct. 2026')
    await vi.waitFor(() => expect(document.body.querySelector('#correction-amount')).not.toBeNull(), { timeout: 3000 })
    const amount = document.body.querySelector<HTMLInputElement>('#correction-amount')!
    amount.value = '-10'
    amount.dispatchEvent(new Event('input'))
    amount.dispatchEvent(new Event('blur'))
    const reason = document.body.querySelector<HTMLTextAreaElement>('#correction-reason')!
    reason.value = 'Solidarité saisie par erreur'
    reason.dispatchEvent(new Event('input'))
    document.body.querySelector<HTMLButtonElement>('.p-dialog button[type="submit"]')!.click()
    await flushPromises()

    expect(sent).toEqual({
      correctsEntryId: dueEntries[1]!.id,
      amountCents: -1000,
      reason: 'Solidarité saisie par erreur',
    })
    expect(plain(wrapper.get('[data-testid="left-to-pay"]').text())).toBe('35,00 €')
    expect(document.body.textContent).toContain('Correction enregistrée')
  })
})
