import type { components } from '../../../api/schema'
import { localDate } from '../../../dates'
import { minutesOf } from '../../drive-admin/model'

type Schemas = components['schemas']
export type ShiftTemplate = Schemas['ShiftTemplate']
export type ShiftTemplateInput = Schemas['ShiftTemplateInput']
export type Weekday = Schemas['Weekday']
export type CycleWeek = Schemas['CycleWeek']
export type ShiftCycle = Schemas['ShiftCycle']
export type ShiftTask = Schemas['ShiftTask']
export type Skill = Schemas['Skill']
export type SkillHolder = Schemas['SkillHolder']
export type RegularSeat = Schemas['RegularSeat']
export type MyVolunteering = Schemas['MyVolunteering']

/** The week as the co-op lives it, Monday first. */
export const weekdays: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
export const cycleWeeks: CycleWeek[] = ['A', 'B', 'C', 'D']

/** The templates that have shifts in that week of the cycle (every weekly one; a cycle's one in its week); all without a letter. */
export function inWeek(templates: ShiftTemplate[], week?: CycleWeek): ShiftTemplate[] {
  return templates.filter((t) => !week || t.recurrence === 'WEEKLY' || t.cycleWeek === week)
}

/** The week view: each day of the week with its templates, by start time. */
export function byWeekday(templates: ShiftTemplate[]): { weekday: Weekday; templates: ShiftTemplate[] }[] {
  return weekdays.map((weekday) => ({
    weekday,
    templates: templates
      .filter((t) => t.weekday === weekday)
      .sort((a, b) => (minutesOf(a.startTime) ?? 0) - (minutesOf(b.startTime) ?? 0) || a.task.localeCompare(b.task, 'fr')),
  }))
}

/** The letter of the week holding `day` ("YYYY-MM-DD") in a cycle whose week A starts on `startsOn` (a Monday). */
export function weekLetter(startsOn: string, day: string): CycleWeek {
  const date = localDate(day)
  const monday = new Date(date)
  monday.setDate(date.getDate() - ((date.getDay() + 6) % 7))
  // Whole days between two local midnights, whatever the clock changes in between.
  const days = Math.round((Date.UTC(monday.getFullYear(), monday.getMonth(), monday.getDate()) - Date.UTC(...ymd(startsOn))) / 86_400_000)
  const weeks = Math.floor(days / 7)
  return cycleWeeks[((weeks % 4) + 4) % 4]!
}

function ymd(iso: string): [number, number, number] {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  return [year, month - 1, day]
}

export const isMonday = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && localDate(iso).getDay() === 1

/** A template as the form edits it: numbers may be empty while typed. */
export interface TemplateForm {
  task: string | null
  place: string
  weekday: Weekday
  startTime: string
  endTime: string
  seats: number | null
  skilledSeats: { skillId: string | null; seats: number | null }[]
  recurrence: ShiftTemplateInput['recurrence']
  cycleWeek: CycleWeek
  startsOn: string | null
}

export function formOf(template?: ShiftTemplate, place = ''): TemplateForm {
  return {
    task: template?.task ?? null,
    place: template?.place ?? place,
    weekday: template?.weekday ?? 'WEDNESDAY',
    startTime: template?.startTime ?? '17:00',
    endTime: template?.endTime ?? '19:00',
    seats: template?.seats ?? 3,
    skilledSeats: (template?.skilledSeats ?? []).map((s) => ({ skillId: s.skillId, seats: s.seats })),
    recurrence: template?.recurrence ?? 'WEEKLY',
    cycleWeek: template?.cycleWeek ?? 'A',
    startsOn: template?.startsOn ?? null,
  }
}

/** What is wrong with the form, by field as the API names them; the keys are the texts' keys. */
export function templateErrors(form: TemplateForm): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!form.task) errors.task = 'task'
  const place = form.place.trim()
  if (place === '' || place.length > 200) errors.place = 'place'
  const start = minutesOf(form.startTime)
  const end = minutesOf(form.endTime)
  if (start === undefined) errors.startTime = 'time'
  if (end === undefined) errors.endTime = 'time'
  else if (start !== undefined && end <= start) errors.endTime = 'timeOrder'
  if (form.seats === null || form.seats < 1 || form.seats > 50) errors.seats = 'seats'
  const skills = form.skilledSeats.map((s) => s.skillId)
  if (form.skilledSeats.some((s) => !s.skillId || s.seats === null || s.seats < 1)) errors.skilledSeats = 'skilledSeat'
  else if (new Set(skills).size < skills.length) errors.skilledSeats = 'skillTwice'
  else if (form.seats !== null && skilledTotal(form) > form.seats) errors.skilledSeats = 'skilledTooMany'
  return errors
}

export const skilledTotal = (form: Pick<TemplateForm, 'skilledSeats'>) =>
  form.skilledSeats.reduce((sum, s) => sum + (s.seats ?? 0), 0)

/** The body the API takes, from a form without errors. */
export function inputOf(form: TemplateForm): ShiftTemplateInput {
  return {
    task: form.task!,
    place: form.place.trim(),
    weekday: form.weekday,
    startTime: form.startTime,
    endTime: form.endTime,
    seats: form.seats!,
    skilledSeats: form.skilledSeats.map((s) => ({ skillId: s.skillId!, seats: s.seats! })),
    recurrence: form.recurrence,
    ...(form.recurrence === 'CYCLE' ? { cycleWeek: form.cycleWeek } : {}),
    startsOn: form.startsOn,
  }
}
