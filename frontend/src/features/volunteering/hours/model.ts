import type { components } from '../../../api/schema'

type Schemas = components['schemas']
export type HoursAccount = Schemas['HoursAccount']
export type HoursMonth = Schemas['HoursMonth']
export type Standing = Schemas['VolunteerStanding']
export type LoggedHours = Schemas['LoggedHours']
export type LoggedHoursStatus = Schemas['LoggedHoursStatus']
export type VolunteerPause = Schemas['VolunteerPause']
export type VolunteerExemption = Schemas['VolunteerExemption']
export type ExemptionReason = Schemas['VolunteerExemptionReason']
export type VolunteeringRules = Schemas['VolunteeringRules']
export type HouseholdBalance = Schemas['HouseholdBalance']
export type HoursPerMonth = Schemas['HoursPerMonth']
export type AttendanceSheet = Schemas['AttendanceSheet']
export type AttendanceRow = Schemas['AttendanceRow']
export type AttendanceMark = Schemas['AttendanceMark']
export type AttendanceSheetSummary = Schemas['AttendanceSheetSummary']

export const standings: Standing[] = ['UP_TO_DATE', 'ALERT', 'SUSPENDED', 'EXEMPTED', 'PAUSED']
export const marks: AttendanceMark[] = ['ATTENDED', 'ABSENT', 'EXCUSED']
export const exemptionReasons: ExemptionReason[] = ['HEALTH', 'PARENTAL_LEAVE', 'AGE', 'OTHER']

/** How a standing looks: green when à jour, amber on alert, red when suspended, calm when lifted. */
export function standingSeverity(standing: Standing): 'success' | 'warn' | 'danger' | 'info' | 'secondary' {
  switch (standing) {
    case 'UP_TO_DATE':
      return 'success'
    case 'ALERT':
      return 'warn'
    case 'SUSPENDED':
      return 'danger'
    case 'EXEMPTED':
      return 'info'
    default:
      return 'secondary'
  }
}

/**
 * Minutes as a person says them: « 2 h 30 », « 4 h », « 45 min » (the same in English, where
 * « 2 h 30 min » reads better); a deficit keeps its minus sign, a typographic one.
 */
export function formatMinutes(minutes: number, locale: string = 'fr'): string {
  const sign = minutes < 0 ? '−' : ''
  const m = Math.abs(Math.round(minutes))
  if (m < 60) return `${sign}${m} min`
  const hours = Math.floor(m / 60)
  const rest = m % 60
  if (rest === 0) return `${sign}${hours} h`
  const padded = String(rest).padStart(2, '0')
  return locale.startsWith('fr') ? `${sign}${hours} h ${padded}` : `${sign}${hours} h ${padded} min`
}

/** Hours and minutes typed in two boxes as whole minutes; nothing typed is zero. */
export function toMinutes(hours: number | null | undefined, minutes: number | null | undefined): number {
  return Math.max(0, Math.trunc(hours ?? 0)) * 60 + Math.max(0, Math.trunc(minutes ?? 0))
}

/** « 2026-11 » as « novembre 2026 » (or « November 2026 »). */
export function monthLabel(month: string, intlLocale: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat(intlLocale, { month: 'long', year: 'numeric' }).format(new Date(year, index - 1, 1))
}
