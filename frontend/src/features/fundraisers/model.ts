import type { components } from '../../api/schema'

export type Fundraiser = components['schemas']['Fundraiser']
export type FundraiserPledge = components['schemas']['FundraiserPledge']
export type FundraiserStatus = components['schemas']['FundraiserStatus']

/** PledgeInput.amountCents maximum: 100 000 €. */
export const maxPledgeEuros = 100_000
/** FundraiserInput.goalCents bounds: 1 € to 100 000 €. */
export const minGoalEuros = 1
export const maxGoalEuros = 100_000

/** The deadline of a fundraiser closing on that day: its last minute, in the member's time zone. */
export function endOfDay(day: Date): string {
  const end = new Date(day)
  end.setHours(23, 59, 0, 0)
  return end.toISOString()
}

/** The Tag of each state: its words' key and colour. */
export const statusTags: Record<FundraiserStatus, { key: string; severity: 'info' | 'success' | 'secondary' }> = {
  OPEN: { key: 'fundraisers.status.OPEN', severity: 'info' },
  REACHED: { key: 'fundraisers.status.REACHED', severity: 'success' },
  MISSED: { key: 'fundraisers.status.MISSED', severity: 'secondary' },
}
