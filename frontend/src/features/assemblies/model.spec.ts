import { describe, expect, it } from 'vitest'
import { item } from '../../test/assemblies'
import { clock, elapsedSeconds } from './model'

describe("an item's timer", () => {
  const started = item({ startedAt: '2026-12-15T18:00:00Z' })

  it("counts on the server's clock, whatever the device's says", () => {
    // The server read 18:05 when the device's clock said 1000; 30 s later on the device, 5:30 have passed.
    expect(elapsedSeconds(started, '2026-12-15T18:05:00Z', 1000, 31_000)).toBe(330)
    expect(clock(330)).toBe('5:30')
  })

  it('stops when the discussion ended, and is zero before it started', () => {
    expect(elapsedSeconds({ ...started, endedAt: '2026-12-15T18:12:03Z' }, '2026-12-15T18:30:00Z', 0, 99_000)).toBe(723)
    expect(elapsedSeconds(item(), '2026-12-15T18:30:00Z', 0, 0)).toBe(0)
    expect(clock(-150)).toBe('-2:30')
  })
})
