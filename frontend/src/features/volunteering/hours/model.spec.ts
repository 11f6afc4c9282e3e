import { describe, expect, it } from 'vitest'
import { formatMinutes, monthLabel, standingSeverity, toMinutes } from './model'

describe('hours as a person reads them', () => {
  it('writes minutes as hours and minutes, the French way', () => {
    expect(formatMinutes(150)).toBe('2 h 30')
    expect(formatMinutes(240)).toBe('4 h')
    expect(formatMinutes(45)).toBe('45 min')
    expect(formatMinutes(65)).toBe('1 h 05')
    expect(formatMinutes(0)).toBe('0 min')
    expect(formatMinutes(-240)).toBe('−4 h')
    expect(formatMinutes(-90)).toBe('−1 h 30')
  })

  it('says the minutes in English too', () => {
    expect(formatMinutes(150, 'en')).toBe('2 h 30 min')
    expect(formatMinutes(120, 'en')).toBe('2 h')
  })

  it('adds the hours and minutes typed, ignoring what is empty or negative', () => {
    expect(toMinutes(2, 30)).toBe(150)
    expect(toMinutes(null, 45)).toBe(45)
    expect(toMinutes(3, undefined)).toBe(180)
    expect(toMinutes(-1, 10)).toBe(10)
  })

  it('names the month of an account line', () => {
    expect(monthLabel('2026-11', 'fr-FR')).toBe('novembre 2026')
    expect(monthLabel('2027-01', 'en-GB')).toBe('January 2027')
  })

  it('colours the standing by how urgent it is', () => {
    expect(standingSeverity('UP_TO_DATE')).toBe('success')
    expect(standingSeverity('ALERT')).toBe('warn')
    expect(standingSeverity('SUSPENDED')).toBe('danger')
    expect(standingSeverity('EXEMPTED')).toBe('info')
    expect(standingSeverity('PAUSED')).toBe('secondary')
  })
})
