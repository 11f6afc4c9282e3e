import { useI18n } from 'vue-i18n'
import { useFormat } from '../../i18n/format'

/** Moments of the volunteering area in the language shown, e.g. "jeudi 3 décembre à 09:00". */
export function useVolunteeringFormat() {
  const { t } = useI18n()
  const { intlLocale } = useFormat()
  const format = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intlLocale(), options).format(new Date(iso))
  return {
    moment: (iso: string) =>
      t('volunteering.moment', {
        day: format(iso, { weekday: 'long', day: 'numeric', month: 'long' }),
        time: format(iso, { hour: '2-digit', minute: '2-digit' }),
      }),
  }
}
