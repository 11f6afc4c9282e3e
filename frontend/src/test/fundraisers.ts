import type { Fundraiser, FundraiserPledge } from '../features/fundraisers/model'
import { at } from './drive'

export const fridgeId = 'e1000000-0000-4000-8000-000000000001'
export const scalesId = 'e1000000-0000-4000-8000-000000000002'

/** « Un frigo pour le local »: 230 € pledged of 600 € by 5 members, open until 31 December, nothing pledged by the member. */
export const fundraiser = (overrides: Partial<Fundraiser> = {}): Fundraiser => ({
  id: fridgeId,
  title: 'Un frigo pour le local',
  description: "Le vieux frigo tombe en panne ; un frigo vitré d'occasion coûte 600 €.",
  goalCents: 60_000,
  currency: 'EUR',
  deadline: at(31, 23, 59),
  status: 'OPEN',
  openedAt: at(1, 9),
  openedBy: { memberId: 'e2000000-0000-4000-8000-000000000001', firstName: 'Alice', lastName: 'Martin' },
  pledgedCents: 23_000,
  percent: 38,
  pledgers: 5,
  reachedAt: null,
  myPledge: null,
  ...overrides,
})

export const pledgeOf = (overrides: Partial<FundraiserPledge> = {}): FundraiserPledge => ({
  id: 'e3000000-0000-4000-8000-000000000001',
  amountCents: 5_000,
  anonymous: false,
  status: 'PROMISED',
  pledgedAt: at(1, 10),
  pledger: { memberId: 'e2000000-0000-4000-8000-000000000002', firstName: 'Bruno', lastName: 'Petit' },
  mine: false,
  ...overrides,
})
