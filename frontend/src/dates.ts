// Calendar days travel as "YYYY-MM-DD" (validFrom, paidOn, periodEnd…): they have no time of
// day, so they are built from local components and never through toISOString(), which shifts
// them by a day east of Greenwich.

/** The day a date picker shows, as the API writes it. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The API's day as a local Date at midnight, for a date picker. */
export function localDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, day)
}

export function todayIso(): string {
  return isoDate(new Date())
}

export function addDays(iso: string, days: number): string {
  const date = localDate(iso)
  date.setDate(date.getDate() + days)
  return isoDate(date)
}

export function addYears(iso: string, years: number): string {
  const date = localDate(iso)
  date.setFullYear(date.getFullYear() + years)
  return isoDate(date)
}
