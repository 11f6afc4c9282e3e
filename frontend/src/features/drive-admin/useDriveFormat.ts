import { useI18n } from 'vue-i18n'
import { localDate } from '../../dates'
import { useFormat } from '../../i18n/format'
import type { OrderLine } from './model'

/**
 * Days and hours of the drive as the volunteers say them ("vendredi 4 décembre 2026",
 * "17:00–17:30"), in this browser's time zone: the co-op's, for the people who run it.
 */
export function useDriveFormat() {
  const { t } = useI18n()
  const { intlLocale, decimal, money } = useFormat()
  const format = (date: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intlLocale(), options).format(date)
  // A calendar day "2026-12-04" is a local midnight, never UTC's.
  const asDate = (value: string) => (value.length === 10 ? localDate(value) : new Date(value))

  const time = (instant: string) => format(new Date(instant), { hour: '2-digit', minute: '2-digit' })
  const hours = (slot: { startsAt: string; endsAt: string }) =>
    t('driveAdmin.hours', { from: time(slot.startsAt), to: time(slot.endsAt) })
  const day = (value: string) => format(asDate(value), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })

  return {
    money,
    time,
    hours,
    /** "vendredi 4 décembre 2026", from a day or an instant. */
    day,
    /** "4 déc.", for a chart's axis. */
    shortDay: (value: string) => format(asDate(value), { day: 'numeric', month: 'short' }),
    weekday: (value: string) => format(asDate(value), { weekday: 'long' }),
    /** "ven. 4 déc., 17:00": a deadline, a pickup. */
    moment: (instant: string) =>
      format(new Date(instant), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
    /** "vendredi 4 décembre 2026, 17:00–17:30". */
    slot: (slot: { startsAt: string; endsAt: string }) => t('driveAdmin.edit.of', { day: day(slot.startsAt), hours: hours(slot) }),
    quantity: (line: Pick<OrderLine, 'quantity' | 'unit'>) =>
      t(`driveAdmin.quantity.${line.unit}`, { quantity: decimal(line.quantity, 3) }),
  }
}
