import { toCents } from '../../i18n/format'
import type { QuoteRequest } from './model'

/** What a person types to know their fee: euros and head counts, empty while not typed. */
export interface QuoteInput {
  incomeEuros: number | null
  adults: number | null
  children: number | null
}

/** Field paths as the server names them in problem+json, so its errors land on the same inputs. */
export type QuoteField = 'monthlyIncomeCents' | 'household.adults' | 'household.children'

const maxIncomeEuros = 1_000_000 // QuoteRequest.monthlyIncomeCents maximum
const maxPeople = 20 // HouseholdComposition maximum

/** The message key of each invalid field; empty when the quote may be asked for. */
export function quoteInputErrors(input: QuoteInput): Partial<Record<QuoteField, string>> {
  const errors: Partial<Record<QuoteField, string>> = {}
  if (input.incomeEuros === null) errors.monthlyIncomeCents = 'validation.incomeRequired'
  else if (input.incomeEuros < 0 || input.incomeEuros > maxIncomeEuros)
    errors.monthlyIncomeCents = 'validation.incomeRange'
  if (input.adults === null) errors['household.adults'] = 'validation.adultsRequired'
  else if (!Number.isInteger(input.adults) || input.adults < 1 || input.adults > maxPeople)
    errors['household.adults'] = 'validation.adultsRange'
  if (input.children === null) errors['household.children'] = 'validation.childrenRequired'
  else if (!Number.isInteger(input.children) || input.children < 0 || input.children > maxPeople)
    errors['household.children'] = 'validation.childrenRange'
  return errors
}

/** Only for an input without errors. */
export function toQuoteRequest(input: QuoteInput): QuoteRequest {
  return {
    monthlyIncomeCents: toCents(input.incomeEuros ?? 0),
    household: { adults: input.adults ?? 1, children: input.children ?? 0 },
  }
}
