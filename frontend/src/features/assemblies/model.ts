import type { components } from '../../api/schema'

export type Assembly = components['schemas']['Assembly']
export type AgendaItem = components['schemas']['AgendaItem']
export type AssemblyLive = components['schemas']['AssemblyLive']
export type AssemblyHand = components['schemas']['AssemblyHand']
export type AssemblyPerson = components['schemas']['AssemblyPerson']
export type AssemblyMember = components['schemas']['AssemblyMember']
export type AssemblyMinutes = components['schemas']['AssemblyMinutes']
export type AssemblyRules = components['schemas']['AssemblyRules']

/** « Camille Durand ». */
export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`

/**
 * How long an item has been discussed, in seconds, on the server's clock: `serverNow` is the
 * server's time when the state was read, `readAt` the device's at that moment, so a device
 * whose clock is off still shows the room's timer.
 */
export function elapsedSeconds(item: AgendaItem, serverNow: string, readAt: number, deviceNow: number): number {
  if (!item.startedAt) return 0
  const end = item.endedAt ? Date.parse(item.endedAt) : Date.parse(serverNow) + (deviceNow - readAt)
  return Math.max(0, Math.floor((end - Date.parse(item.startedAt)) / 1000))
}

/** « 12:05 », or « -2:30 » past the time asked. */
export function clock(seconds: number): string {
  const sign = seconds < 0 ? '-' : ''
  const abs = Math.abs(seconds)
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`
}
