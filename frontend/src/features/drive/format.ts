import { useI18n } from 'vue-i18n'
import { useFormat } from '../../i18n/format'
import type { ProductUnit } from './model'

/**
 * Quantities with their unit and the moments of a slot, in the language shown. Slots are shown
 * in the device's time zone, which for the co-op's members is the co-op's.
 */
export function useDriveFormat() {
  const { t } = useI18n()
  const { decimal, intlLocale } = useFormat()
  const format = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intlLocale(), options).format(new Date(iso))
  const time = (iso: string) => format(iso, { hour: '2-digit', minute: '2-digit' })
  const day = (iso: string) => format(iso, { weekday: 'long', day: 'numeric', month: 'long' })

  return {
    /** e.g. "1,5 kg", "2 pièces", "3 × 100 g". */
    quantity: (quantity: number, unit: ProductUnit) =>
      t(`drive.quantity.${unit}`, { quantity: decimal(quantity, 3) }, quantity >= 2 ? 2 : 1),
    /** e.g. "vendredi 4 décembre". */
    day,
    /** e.g. "17:00 – 17:30". */
    hours: (startsAt: string, endsAt: string) => `${time(startsAt)} – ${time(endsAt)}`,
    /** e.g. "mercredi 2 décembre à 17:00". */
    moment: (iso: string) => t('drive.moment', { day: day(iso), time: time(iso) }),
  }
}
