import { addDays } from '../../dates'
import type { Membership } from './model'

// The server opens a renewal this many days before the current membership ends (MembershipPeriods).
export const renewalOpensDaysBefore = 60

/** The first day the household may renew, or undefined when it may join or renew today. */
export function renewalOpensOn(latest: Membership | undefined, today: string): string | undefined {
  if (!latest || latest.periodEnd < today) return undefined
  const opens = addDays(latest.periodEnd, -renewalOpensDaysBefore)
  return opens > today ? opens : undefined
}
