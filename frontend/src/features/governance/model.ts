import type { components } from '../../api/schema'

export type Proposal = components['schemas']['Proposal']
export type ProposalResponse = components['schemas']['ProposalResponse']
export type ResponseKind = components['schemas']['ProposalResponseKind']
export type DecisionRule = components['schemas']['DecisionRule']
export type WorkingGroup = components['schemas']['WorkingGroup']
export type WorkingGroupNote = components['schemas']['WorkingGroupNote']
export type GovernanceRules = components['schemas']['GovernanceRules']

export const responseKinds: ResponseKind[] = ['AGREE', 'STAND_ASIDE', 'CONCERN', 'BLOCK']

/** The kinds that need words: a concern says why, a block says what instead. */
export const needsText = (kind: ResponseKind) => kind === 'CONCERN' || kind === 'BLOCK'

/** The deadline of a day chosen in a form: 20:00 that day, the co-op's evening. */
export function eveningOf(day: Date): string {
  const at = new Date(day)
  at.setHours(20, 0, 0, 0)
  return at.toISOString()
}

/** A day so many days from today, at midnight. */
export function daysFromToday(days: number): Date {
  const day = new Date()
  day.setHours(0, 0, 0, 0)
  day.setDate(day.getDate() + days)
  return day
}
