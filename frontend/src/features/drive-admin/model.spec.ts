import { describe, expect, it } from 'vitest'
import { slot, slotAt } from '../../test/driveAdmin'
import { byWeek, currentSlot, instantOf, localParts, mondayOf, seriesSize } from './model'

describe('a series of slots', () => {
  it('cuts the hours into whole slots, on the same weekday each week', () => {
    expect(seriesSize({ firstDay: '2026-12-04', weeks: 8, from: '17:00', to: '19:00', slotMinutes: 30 })).toEqual({
      perDay: 4,
      total: 32,
      lastDay: '2027-01-22',
    })
    // 45 minutes make one slot of 30: the 15 left make none.
    expect(seriesSize({ firstDay: '2026-12-04', weeks: 1, from: '17:00', to: '17:45', slotMinutes: 30 }).total).toBe(1)
  })

  it('makes none of hours that end before they start', () => {
    expect(seriesSize({ firstDay: '2026-12-04', weeks: 8, from: '19:00', to: '17:00', slotMinutes: 30 }).total).toBe(0)
    expect(seriesSize({ firstDay: '2026-12-04', weeks: 8, from: '17:00', to: '', slotMinutes: 30 }).total).toBe(0)
  })
})

describe('times', () => {
  it("writes a local time with that day's offset, and reads it back", () => {
    const instant = instantOf('2026-07-03', '17:30')
    expect(instant).toMatch(/^2026-07-03T17:30:00[+-]\d{2}:\d{2}$/)
    expect(localParts(instant)).toEqual(['2026-07-03', '17:30'])
    expect(new Date(instant).getHours()).toBe(17)
  })

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30')
    expect(mondayOf('2026-11-30')).toBe('2026-11-30')
  })
})

describe('the slots of a week', () => {
  it('groups slots by week in order of start', () => {
    const late = slot('2026-12-11', '17:00', '17:30')
    const early = slot('2026-12-04', '17:30', '18:00')
    const earliest = slot('2026-12-04', '17:00', '17:30')

    expect(byWeek([late, early, earliest]).map((w) => [w.monday, w.slots.map((s) => s.id)])).toEqual([
      ['2026-11-30', [earliest.id, early.id]],
      ['2026-12-07', [late.id]],
    ])
  })
})

describe('the slot at the door', () => {
  const now = new Date('2026-12-04T17:10:00Z')
  const at = (minutes: number, values = {}) => slotAt(new Date(now.getTime() + minutes * 60_000), 30, values)

  it('is the one under way', () => {
    const underWay = at(-5)
    expect(currentSlot([at(-60), at(25), underWay], now)).toBe(underWay)
  })

  it('is the next one between two slots, and the last one once the day is over', () => {
    const next = at(30)
    const last = at(-40)
    expect(currentSlot([at(-60), next, at(60)], now)).toBe(next)
    expect(currentSlot([at(-90), last], now)).toBe(last)
  })

  it('is never a cancelled one', () => {
    const open = at(60)
    expect(currentSlot([at(-5, { status: 'CANCELLED' }), open], now)).toBe(open)
    expect(currentSlot([at(-5, { status: 'CANCELLED' })], now)).toBeUndefined()
  })
})
