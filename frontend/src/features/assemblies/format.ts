import { useI18n } from 'vue-i18n'
import { useDriveFormat } from '../drive/format'
import { useFormat } from '../../i18n/format'

/** Moments of the assemblies in the language shown: « mardi 8 décembre à 19:00 », « mardi 15 décembre, 19:00 – 21:30 ». */
export function useAssemblyFormat() {
  const { t } = useI18n()
  const { intlLocale } = useFormat()
  const drive = useDriveFormat()
  const time = (iso: string) => new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
  return {
    moment: (iso: string) => t('assemblies.moment', { day: drive.day(iso), time: time(iso) }),
    when: (startsAt: string, endsAt: string) => t('assemblies.when', { day: drive.day(startsAt), hours: drive.hours(startsAt, endsAt) }),
  }
}
