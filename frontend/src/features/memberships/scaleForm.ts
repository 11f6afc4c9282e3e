import { isoDate, localDate } from '../../dates'
import { toCents } from '../../i18n/format'
import type { MembershipScale, MembershipScaleInput } from './model'

/** A bracket as the editor holds it: euros as typed, null while empty (or open-ended). */
export interface BracketRow {
  /** Keeps Vue's rendering of a row attached to it when rows move. */
  key: number
  code: string
  label: string
  upperBoundEuros: number | null
  feeEuros: number | null
}

export interface ScaleForm {
  validFrom: Date | null
  validTo: Date | null
  brackets: BracketRow[]
}

let nextKey = 0
export function bracketRow(values: Partial<Omit<BracketRow, 'key'>> = {}): BracketRow {
  return { key: nextKey++, code: '', label: '', upperBoundEuros: null, feeEuros: null, ...values }
}

export function scaleForm(scale: Pick<MembershipScale, 'validFrom' | 'validTo' | 'brackets'>): ScaleForm {
  return {
    validFrom: localDate(scale.validFrom),
    validTo: localDate(scale.validTo),
    brackets: scale.brackets.map((b) =>
      bracketRow({
        code: b.code,
        label: b.label,
        upperBoundEuros: b.upperBoundCents == null ? null : b.upperBoundCents / 100,
        feeEuros: b.feeCents / 100,
      }),
    ),
  }
}

const codePattern = /^[A-Z0-9]{1,10}$/ // Bracket.code in openapi.yaml
const maxBrackets = 20

const normalisedCode = (row: BracketRow) => row.code.trim().toUpperCase()

/**
 * The message key of each faulty field, keyed by the path the server uses in problem+json
 * (`brackets[1].upperBoundCents`), with the same rules as the server's Brackets.validate:
 * bounds strictly increasing, fees not negative, one open-ended bracket and it is the last.
 */
export function scaleErrors(form: ScaleForm): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!form.validFrom) errors.validFrom = 'validation.dateRequired'
  if (!form.validTo) errors.validTo = 'validation.dateRequired'
  else if (form.validFrom && form.validTo < form.validFrom) errors.validTo = 'validation.periodOrder'

  if (form.brackets.length === 0) errors.brackets = 'validation.bracketsEmpty'
  if (form.brackets.length > maxBrackets) errors.brackets = 'validation.bracketsTooMany'
  const codes = new Set<string>()
  let previousBound: number | undefined
  form.brackets.forEach((row, i) => {
    const at = `brackets[${i}]`
    const code = normalisedCode(row)
    if (!codePattern.test(code)) errors[`${at}.code`] = 'validation.bracketCode'
    else if (codes.has(code)) errors[`${at}.code`] = 'validation.bracketCodeTaken'
    codes.add(code)

    const label = row.label.trim()
    if (label === '' || label.length > 80) errors[`${at}.label`] = 'validation.bracketLabel'

    if (row.feeEuros === null) errors[`${at}.feeCents`] = 'validation.feeRequired'
    else if (row.feeEuros < 0) errors[`${at}.feeCents`] = 'validation.feeNegative'

    const last = i === form.brackets.length - 1
    const bound = row.upperBoundEuros === null ? null : toCents(row.upperBoundEuros)
    if (bound === null) {
      if (!last) errors[`${at}.upperBoundCents`] = 'validation.onlyLastOpen'
      return
    }
    if (last) errors[`${at}.upperBoundCents`] = 'validation.lastOpen'
    else if (bound <= 0) errors[`${at}.upperBoundCents`] = 'validation.boundPositive'
    else if (previousBound !== undefined && bound <= previousBound)
      errors[`${at}.upperBoundCents`] = 'validation.boundsIncreasing'
    previousBound = bound
  })
  return errors
}

/** Only for a form without errors. */
export function toScaleInput(form: ScaleForm): MembershipScaleInput {
  return {
    validFrom: isoDate(form.validFrom!),
    validTo: isoDate(form.validTo!),
    brackets: form.brackets.map((row) => ({
      code: normalisedCode(row),
      label: row.label.trim(),
      upperBoundCents: row.upperBoundEuros === null ? null : toCents(row.upperBoundEuros),
      feeCents: toCents(row.feeEuros ?? 0),
    })),
  }
}
