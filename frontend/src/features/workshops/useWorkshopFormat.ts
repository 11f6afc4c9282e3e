import { useI18n } from 'vue-i18n'
import { useDriveFormat } from '../drive/format'

/** When a workshop takes place, e.g. "samedi 19 décembre, 15:00 – 18:00". */
export function useWorkshopFormat() {
  const { t } = useI18n()
  const format = useDriveFormat()
  return {
    when: (w: { startsAt: string; endsAt: string }) =>
      t('workshops.when', { day: format.day(w.startsAt), hours: format.hours(w.startsAt, w.endsAt) }),
  }
}
