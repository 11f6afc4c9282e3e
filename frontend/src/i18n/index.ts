import { createI18n } from 'vue-i18n'
import en from './en.json'
import fr from './fr.json'

export const locales = ['fr', 'en'] as const
export type AppLocale = (typeof locales)[number]

const storageKey = 'panier.locale'

// French unless the person chose English on this device before.
export function initialLocale(): AppLocale {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'fr'
}

export function rememberLocale(locale: AppLocale): void {
  localStorage.setItem(storageKey, locale)
}

// Dates such as joinedOn carry no time: format them in UTC so they never shift by a day.
const date = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } as const
// For narrow table columns on a phone: "24 nov. 2026".
const shortDate = { ...date, month: 'short' } as const
// Moments (a payment recorded, a status changed) in the person's own time zone.
const dateTime = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' } as const

export function createAppI18n(locale: AppLocale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'fr',
    messages: { fr, en },
    datetimeFormats: { fr: { date, shortDate, dateTime }, en: { date, shortDate, dateTime } },
  })
}

/** Each language named in itself, whatever the current one. */
export const languageNames: Record<AppLocale, string> = { fr: 'Français', en: 'English' }
