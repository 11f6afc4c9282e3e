import { describe, expect, it } from 'vitest'
import { bracketRow, scaleErrors, toScaleInput, type ScaleForm } from './scaleForm'

function form(rows: [code: string, bound: number | null, fee: number | null][]): ScaleForm {
  return {
    validFrom: new Date(2026, 8, 1),
    validTo: new Date(2027, 7, 31),
    brackets: rows.map(([code, upperBoundEuros, feeEuros]) => bracketRow({ code, label: `Tranche ${code}`, upperBoundEuros, feeEuros })),
  }
}

describe('the rules of a scale, as the server checks them', () => {
  it("accepts the design's scale", () => {
    expect(scaleErrors(form([['A', 600, 10], ['B', 1000, 20], ['C', 1600, 40], ['D', null, 60]]))).toEqual({})
  })

  it('names each faulty field with the path the server uses', () => {
    const errors = scaleErrors(form([['A', 600, 10], ['B', 600, -1], ['b', null, 40], ['D', 2000, null]]))

    expect(errors).toEqual({
      'brackets[1].upperBoundCents': 'validation.boundsIncreasing',
      'brackets[1].feeCents': 'validation.feeNegative',
      'brackets[2].code': 'validation.bracketCodeTaken',
      'brackets[2].upperBoundCents': 'validation.onlyLastOpen',
      'brackets[3].upperBoundCents': 'validation.lastOpen',
      'brackets[3].feeCents': 'validation.feeRequired',
    })
  })

  it('compares bounds to the previous bounded bracket, and wants them above zero', () => {
    expect(scaleErrors(form([['A', 0, 10], ['B', null, 20], ['C', 500, 30], ['D', null, 40]]))).toEqual({
      'brackets[0].upperBoundCents': 'validation.boundPositive',
      'brackets[1].upperBoundCents': 'validation.onlyLastOpen',
    })
  })

  it('wants a period that ends after it starts, and at least one bracket', () => {
    const errors = scaleErrors({ validFrom: new Date(2027, 0, 1), validTo: new Date(2026, 0, 1), brackets: [] })

    expect(errors).toEqual({ validTo: 'validation.periodOrder', brackets: 'validation.bracketsEmpty' })
  })

  it('sends euros as cents, codes in capitals, and an empty bound as null', () => {
    const input = toScaleInput(form([['a', 599.99, 10.5], ['b', null, 0]]))

    expect(input).toEqual({
      validFrom: '2026-09-01',
      validTo: '2027-08-31',
      brackets: [
        { code: 'A', label: 'Tranche a', upperBoundCents: 59999, feeCents: 1050 },
        { code: 'B', label: 'Tranche b', upperBoundCents: null, feeCents: 0 },
      ],
    })
  })
})
