import { afterEach, beforeEach, vi } from 'vitest'
import type { Shift } from '../features/volunteering/model'
import { at, now } from './drive'

/** An open shift the member has not taken: accueil on Saturday 5 December, 9:00 – 12:00, 2 seats free of 3. */
export const shift = (overrides: Partial<Shift> = {}): Shift => ({
  id: 'f0000000-0000-4000-8000-000000000001',
  task: 'accueil',
  place: 'Local de la coop, 12 rue des Halles',
  startsAt: at(5, 9),
  endsAt: at(5, 12),
  seats: 3,
  freeSeats: 2,
  status: 'OPEN',
  signedUp: false,
  standInsWanted: 0,
  standInRequested: false,
  withdrawUntil: at(3, 9),
  ...overrides,
})

/** Stops the clock at `now` (Tuesday 1 December 2026, 10:00) for every test of the file. */
export function freezeClock() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(now)
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}
