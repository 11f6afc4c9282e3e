import type { VolunteeringRules } from '../features/volunteering/hours/model'

/** The co-op's default volunteering rule: 3 h a month per adult, 30 days of grace, the gate off. */
export const defaultRules: VolunteeringRules = {
  kind: 'HOURS_PER_MONTH',
  minutesPerAdultPerMonth: 180,
  shiftsPerCycle: 1,
  shiftMinutes: 180,
  countingFrom: '2026-09-01',
  graceDays: 30,
  alertAfterMinutes: 0,
  suspendAfterMinutes: 720,
  orderingGate: false,
  pauseMaxWeeksPerYear: 8,
}
