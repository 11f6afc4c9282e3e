import type { components } from '../../api/schema'
import { addDays, isoDate, localDate } from '../../dates'

type Schemas = components['schemas']
export type PickupSlot = Schemas['PickupSlot']
export type PickupSlotStatus = Schemas['PickupSlotStatus']
export type PickupSlotInput = Schemas['PickupSlotInput']
export type PickupSlotUpdate = Schemas['PickupSlotUpdate']
export type PickupSlotSeriesInput = Schemas['PickupSlotSeriesInput']
export type Order = Schemas['Order']
export type OrderLine = Schemas['OrderLine']
export type OrderStatus = Schemas['OrderStatus']
export type OrderStats = Schemas['OrderStats']
export type WeekStats = Schemas['WeekStats']
export type PickupInput = Schemas['PickupInput']
export type PaymentMethod = Schemas['PaymentMethod']

export const orderStatuses: OrderStatus[] = ['PLACED', 'PREPARED', 'PICKED_UP', 'CANCELLED', 'NO_SHOW']
export const paymentMethods: PaymentMethod[] = ['CASH', 'CHEQUE', 'TRANSFER', 'CARD']

export const orderStatusSeverity = {
  PLACED: 'info',
  PREPARED: 'warn',
  PICKED_UP: 'success',
  CANCELLED: 'secondary',
  NO_SHOW: 'danger',
} as const satisfies Record<OrderStatus, string>

export const slotStatusSeverity = {
  OPEN: 'success',
  CLOSED: 'warn',
  CANCELLED: 'danger',
} as const satisfies Record<PickupSlotStatus, string>

/** Orders still to hand over: the ones the preparation list and the pickup screen are about. */
export const toHandOver = (order: Order) => order.status === 'PLACED' || order.status === 'PREPARED'

/** "17:30" as minutes since midnight; undefined for anything else. */
export function minutesOf(time: string): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time)
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined
}

/**
 * How many slots a series publishes: the hours cut into whole slots of `slotMinutes` (a
 * remainder too short for a slot makes none), on the same weekday for `weeks` weeks.
 */
export function seriesSize(series: { firstDay: string; weeks: number; from: string; to: string; slotMinutes: number }) {
  const from = minutesOf(series.from)
  const to = minutesOf(series.to)
  const perDay = from === undefined || to === undefined || to <= from || series.slotMinutes <= 0
    ? 0
    : Math.floor((to - from) / series.slotMinutes)
  const weeks = Math.max(0, Math.floor(series.weeks))
  return { perDay, total: perDay * weeks, lastDay: addDays(series.firstDay, 7 * Math.max(0, weeks - 1)) }
}

/**
 * A local day and time ("2026-12-04", "17:00") as the API's instant with this browser's
 * offset, e.g. "2026-12-04T17:00:00+01:00": the offset of that day, not today's, so a slot
 * published in summer for a winter day keeps its hour.
 */
export function instantOf(day: string, time: string): string {
  const date = localDate(day)
  const minutes = minutesOf(time) ?? 0
  date.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0)
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0')
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`
}

/** An instant as the local day and time a person reads and types: ["2026-12-02", "17:00"]. */
export function localParts(instant: string): [string, string] {
  const date = new Date(instant)
  const pad = (n: number) => String(n).padStart(2, '0')
  return [isoDate(date), `${pad(date.getHours())}:${pad(date.getMinutes())}`]
}

/** The local day of an instant, e.g. a slot's start. */
export const dayOf = (instant: string) => localParts(instant)[0]

/** The Monday of the week of a day. */
export function mondayOf(day: string): string {
  const weekday = (localDate(day).getDay() + 6) % 7
  return addDays(day, -weekday)
}

export interface SlotWeek {
  monday: string
  slots: PickupSlot[]
}

/** Slots by week, in order of start; a week without slots is not shown. */
export function byWeek(slots: PickupSlot[]): SlotWeek[] {
  const weeks = new Map<string, PickupSlot[]>()
  const sorted = [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  for (const slot of sorted) {
    const monday = mondayOf(dayOf(slot.startsAt))
    weeks.set(monday, [...(weeks.get(monday) ?? []), slot])
  }
  return [...weeks].map(([monday, list]) => ({ monday, slots: list }))
}

/**
 * The slot a volunteer at the door wants first: the one under way, else the next one to
 * start, else the day's last. Cancelled slots have nobody to serve.
 */
export function currentSlot(slots: PickupSlot[], now: Date): PickupSlot | undefined {
  const live = slots
    .filter((slot) => slot.status !== 'CANCELLED')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  return live.find((slot) => Date.parse(slot.endsAt) > now.getTime()) ?? live.at(-1)
}
