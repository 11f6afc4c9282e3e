import { describe, expect, it } from 'vitest'
import { template } from '../../../test/shiftsAdmin'
import { byWeekday, formOf, inWeek, inputOf, isMonday, templateErrors, weekLetter } from './model'

describe('the ABCD cycle', () => {
  it('names each week from the Monday of a week A, before it as after it', () => {
    expect(weekLetter('2027-03-01', '2027-03-01')).toBe('A')
    expect(weekLetter('2027-03-01', '2027-03-07')).toBe('A')
    expect(weekLetter('2027-03-01', '2027-03-10')).toBe('B')
    expect(weekLetter('2027-03-01', '2027-03-22')).toBe('D')
    // Clocks change on Sunday 28 March: the week after still counts whole.
    expect(weekLetter('2027-03-01', '2027-03-31')).toBe('A')
    expect(weekLetter('2027-03-01', '2027-04-07')).toBe('B')
    expect(weekLetter('2027-03-01', '2027-02-24')).toBe('D')
  })

  it('starts on a Monday', () => {
    expect(isMonday('2027-03-01')).toBe(true)
    expect(isMonday('2027-03-03')).toBe(false)
    expect(isMonday('')).toBe(false)
  })
})

describe('the week of templates', () => {
  const everyWeek = template({ id: 'e1', startTime: '17:00' })
  const morning = template({ id: 'e2', startTime: '09:00', task: 'réception des livraisons' })
  const weekB = template({ id: 'e3', recurrence: 'CYCLE', cycleWeek: 'B', weekday: 'FRIDAY' })

  it('lays the templates out Monday first, each day by start time', () => {
    const days = byWeekday([everyWeek, morning, weekB])
    expect(days.map((d) => d.weekday)).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'])
    expect(days[2]!.templates.map((t) => t.id)).toEqual(['e2', 'e1'])
    expect(days[4]!.templates.map((t) => t.id)).toEqual(['e3'])
  })

  it('shows in a week of the cycle the weekly templates and that week’s own', () => {
    expect(inWeek([everyWeek, weekB], 'A').map((t) => t.id)).toEqual(['e1'])
    expect(inWeek([everyWeek, weekB], 'B').map((t) => t.id)).toEqual(['e1', 'e3'])
    expect(inWeek([everyWeek, weekB]).map((t) => t.id)).toEqual(['e1', 'e3'])
  })
})

describe('the template form', () => {
  it('starts from the template, or from a Wednesday 17:00–19:00 of 3 seats', () => {
    expect(formOf(undefined, 'Local')).toMatchObject({ task: null, place: 'Local', weekday: 'WEDNESDAY', seats: 3, recurrence: 'WEEKLY' })
    const skilled = template({ skilledSeats: [{ skillId: 's1', skill: 'caisse formée', seats: 1 }], recurrence: 'CYCLE', cycleWeek: 'C' })
    expect(formOf(skilled)).toMatchObject({ task: 'caisse', cycleWeek: 'C', skilledSeats: [{ skillId: 's1', seats: 1 }] })
  })

  it('says what is wrong, field by field', () => {
    const form = { ...formOf(undefined, ' '), startTime: '19:00', endTime: '17:00', seats: 2 }
    form.skilledSeats = [
      { skillId: 's1', seats: 2 },
      { skillId: 's2', seats: 1 },
    ]
    expect(templateErrors(form)).toEqual({ task: 'task', place: 'place', endTime: 'timeOrder', skilledSeats: 'skilledTooMany' })
    form.skilledSeats = [
      { skillId: 's1', seats: 1 },
      { skillId: 's1', seats: 1 },
    ]
    expect(templateErrors(form).skilledSeats).toBe('skillTwice')
    form.skilledSeats = [{ skillId: null, seats: 1 }]
    expect(templateErrors(form).skilledSeats).toBe('skilledSeat')
    expect(templateErrors({ ...formOf(template({})), seats: 0 })).toEqual({ seats: 'seats' })
  })

  it('sends the week of the cycle only with the cycle', () => {
    const form = { ...formOf(template({})), place: ' Local ', cycleWeek: 'B' as const }
    expect(inputOf(form)).not.toHaveProperty('cycleWeek')
    expect(inputOf(form).place).toBe('Local')
    expect(inputOf({ ...form, recurrence: 'CYCLE' })).toMatchObject({ recurrence: 'CYCLE', cycleWeek: 'B' })
  })
})
