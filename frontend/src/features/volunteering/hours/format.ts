import { useI18n } from 'vue-i18n'
import { useFormat } from '../../../i18n/format'
import { formatMinutes, monthLabel } from './model'

/** The hours' numbers and months in the language shown. */
export function useHoursFormat() {
  const { locale } = useI18n()
  const { intlLocale } = useFormat()
  return {
    minutes: (value: number) => formatMinutes(value, locale.value),
    month: (value: string) => monthLabel(value, intlLocale()),
  }
}
