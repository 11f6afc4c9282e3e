import { useI18n } from 'vue-i18n'
import type { AppLocale } from './index'

export type AreaMessages = Record<AppLocale, Record<string, unknown>>

/**
 * fr.json and en.json hold the texts of the shell (layout, home, account, errors); each area's
 * texts travel with its pages, so that the bundle a member downloads first does not grow with
 * every screen of the dashboard. A page adds its area's texts before it renders.
 */
export function useAreaMessages(...areas: AreaMessages[]): void {
  const { mergeLocaleMessage } = useI18n({ useScope: 'global' })
  for (const messages of areas) {
    mergeLocaleMessage('fr', messages.fr)
    mergeLocaleMessage('en', messages.en)
  }
}
