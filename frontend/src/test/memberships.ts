import type { Household, LedgerEntry, LedgerPage } from '../features/households/model'
import type { Member } from '../features/members/meStore'
import type { FeeQuote, Membership, MembershipScale } from '../features/memberships/model'

export const bruno: Member = {
  id: 'a0000000-0000-4000-8000-000000000004',
  memberNumber: 'A-0004',
  firstName: 'Bruno',
  lastName: 'Moreau',
  email: 'bruno@panier.example',
  phone: null,
  status: 'PENDING',
  joinedOn: '2026-10-02',
  householdId: null,
  preferences: { language: 'fr' },
}

export const householdId = 'b0000000-0000-4000-8000-000000000001'
export const membershipId = 'c0000000-0000-4000-8000-000000000001'
export const scaleId = '5b0c7d8e-1f7a-4c1e-9d7e-1d2f3a4b5c6d'

export const moreau: Household = {
  id: householdId,
  name: 'Foyer Moreau',
  adults: 2,
  children: 1,
  consumptionUnits: 1.8,
  members: [{ id: bruno.id, memberNumber: 'A-0004', firstName: 'Bruno', lastName: 'Moreau' }],
}

export const designScale: MembershipScale = {
  id: scaleId,
  validFrom: '2026-09-01',
  validTo: '2027-08-31',
  currency: 'EUR',
  inUse: false,
  brackets: [
    { code: 'A', label: 'Moins de 600 €', upperBoundCents: 60000, feeCents: 1000 },
    { code: 'B', label: 'De 600 à 1 000 €', upperBoundCents: 100000, feeCents: 2000 },
    { code: 'C', label: 'De 1 000 à 1 600 €', upperBoundCents: 160000, feeCents: 4000 },
    { code: 'D', label: '1 600 € et plus', upperBoundCents: null, feeCents: 6000 },
  ],
}

/** The contract's example: a couple with two children under 14 earning 2,500 € a month. */
export const coupleQuote: FeeQuote = {
  consumptionUnits: 2.1,
  monthlyIncomePerUnitCents: 119047,
  bracket: designScale.brackets[2]!,
  feeCents: 4000,
  currency: 'EUR',
  scaleId,
}

export const awaitingPayment: Membership = {
  id: membershipId,
  householdId,
  scaleId,
  bracketCode: 'C',
  bracketFeeCents: 4000,
  solidarityCents: 500,
  amountDueCents: 4500,
  paidCents: 0,
  leftToPayCents: 4500,
  currency: 'EUR',
  periodStart: '2026-10-02',
  periodEnd: '2027-10-01',
  declaredOn: '2026-10-02',
  status: 'AWAITING_PAYMENT',
}

export const paid: Membership = { ...awaitingPayment, paidCents: 4500, leftToPayCents: 0, status: 'ACTIVE' }

function entry(values: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'kind' | 'amountCents'>): LedgerEntry {
  return {
    householdId,
    membershipId,
    currency: 'EUR',
    occurredOn: '2026-10-02',
    recordedAt: '2026-10-02T10:00:00Z',
    ...values,
  }
}

export const dueEntries: LedgerEntry[] = [
  entry({ id: 'e0000000-0000-4000-8000-000000000001', kind: 'FEE_DUE', amountCents: 4000 }),
  entry({ id: 'e0000000-0000-4000-8000-000000000002', kind: 'SOLIDARITY', amountCents: 500 }),
]

export const cashPayment = entry({
  id: 'e0000000-0000-4000-8000-000000000003',
  kind: 'PAYMENT',
  amountCents: -4500,
  method: 'CASH',
  occurredOn: '2026-10-05',
})

export function ledger(items: LedgerEntry[]): LedgerPage {
  return { items, nextCursor: null, balanceCents: items.reduce((sum, e) => sum + e.amountCents, 0), currency: 'EUR' }
}
