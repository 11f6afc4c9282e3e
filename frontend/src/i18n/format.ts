import { useI18n } from 'vue-i18n'
import type { AppLocale } from './index'

// Intl needs a region to place the euro sign and the separators the way people expect.
const intlLocales: Record<AppLocale, string> = { fr: 'fr-FR', en: 'en-GB' }

/** Integer cents as euros, e.g. 119047 → "1 190,47 €"; `whole` drops ",00" from round amounts. */
export function formatMoney(cents: number, locale: AppLocale, { whole = false } = {}): string {
  const round = whole && cents % 100 === 0
  return new Intl.NumberFormat(intlLocales[locale], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: round ? 0 : 2,
    maximumFractionDigits: round ? 0 : 2,
  }).format(cents / 100)
}

/** A number such as consumption units, e.g. 2.1 → "2,1" in French. */
export function formatDecimal(value: number, locale: AppLocale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits }).format(value)
}

/** Euros typed by a person (a number from an input) as integer cents; never floating point beyond here. */
export function toCents(euros: number): number {
  return Math.round(euros * 100)
}

/** Money, numbers and dates in the language shown. */
export function useFormat() {
  const { locale, d } = useI18n()
  const current = () => locale.value as AppLocale
  return {
    money: (cents: number, options?: { whole?: boolean }) => formatMoney(cents, current(), options),
    decimal: (value: number, digits?: number) => formatDecimal(value, current(), digits),
    /** A calendar day such as "2026-11-24", which has no time and so no time zone. */
    date: (isoDate: string) => d(new Date(isoDate), 'date'),
    shortDate: (isoDate: string) => d(new Date(isoDate), 'shortDate'),
    dateTime: (isoDateTime: string) => d(new Date(isoDateTime), 'dateTime'),
    intlLocale: () => intlLocales[current()],
  }
}
