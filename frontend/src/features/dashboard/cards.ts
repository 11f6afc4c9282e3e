import { useI18n } from 'vue-i18n'
import { useFormat } from '../../i18n/format'
import type { AdminDashboard, DashboardRow } from './model'

/** What a card shows: its area (which names its texts), how many need attention, where to deal with them, a few rows. */
export interface CardOfArea {
  area: string
  count: number
  to: string
  rows: DashboardRow[]
}

/**
 * One function per area of the dashboard's answer, turning it into its card. A new area adds
 * its function to the list (and its texts under `dashboard.<area>`); the pickups, which show
 * two days of slots, have a card of their own (PickupsCard).
 */
export function useDashboardCards(): (dashboard: AdminDashboard) => CardOfArea[] {
  const { t, te } = useI18n()
  const { money, shortDate, dateTime, decimal } = useFormat()

  const memberships = ({ memberships }: AdminDashboard): CardOfArea => ({
    area: 'memberships',
    count: memberships.count,
    to: '/gestion/foyers',
    rows: memberships.items.map((m) => ({
      key: m.membershipId,
      to: `/gestion/adhesions/${m.membershipId}`,
      label: m.householdName,
      detail: t('dashboard.memberships.detail', { amount: money(m.leftToPayCents), date: shortDate(m.createdAt) }),
    })),
  })

  const lowStock = ({ lowStock }: AdminDashboard): CardOfArea => ({
    area: 'lowStock',
    count: lowStock.count,
    to: '/gestion/stock-bas',
    rows: lowStock.items.map((p) => {
      const quantity = (value: number) => `${decimal(value, 3)} ${t(`catalog.unit.${p.unit}`)}`
      return {
        key: p.productId,
        to: `/gestion/produits/${p.productId}`,
        label: p.name,
        detail: t('dashboard.lowStock.detail', { available: quantity(p.available), threshold: quantity(p.lowStockThreshold) }),
      }
    }),
  })

  const imports = ({ priceListImports }: AdminDashboard): CardOfArea => ({
    area: 'imports',
    count: priceListImports.count,
    to: '/gestion/fournisseurs',
    rows: priceListImports.items.map((failed) => ({
      key: failed.importId,
      to: `/gestion/fournisseurs/${failed.supplierId}/import`,
      label: failed.supplierName,
      detail: t('dashboard.imports.detail', {
        file: failed.fileName ?? t('dashboard.imports.noFile'),
        date: dateTime(failed.startedAt),
      }),
    })),
  })

  const webhooks = ({ webhooks }: AdminDashboard): CardOfArea => ({
    area: 'webhooks',
    count: webhooks.count,
    to: '/gestion/integrations',
    rows: webhooks.items.map((w) => ({
      key: w.webhookId,
      to: '/gestion/integrations',
      label: w.description ?? w.url,
      detail:
        w.enabled && w.failingSince
          ? t('dashboard.webhooks.failingSince', { date: dateTime(w.failingSince) })
          : t('dashboard.webhooks.disabled'),
    })),
  })

  // Message keys cannot hold the dot of an event type.
  const event = (type: string) => {
    const key = `dashboard.mails.event.${type.replace('.', '_')}`
    return te(key) ? t(key) : t('dashboard.mails.event.other')
  }
  const mails = ({ mails }: AdminDashboard): CardOfArea => ({
    area: 'mails',
    count: mails.count,
    to: '/gestion/courriels',
    rows: mails.items.map((mail) => ({
      key: mail.deliveryId,
      to: `/gestion/adherents/${mail.memberId}`,
      label: mail.memberName,
      detail: t('dashboard.mails.detail', { event: event(mail.eventType), date: dateTime(mail.occurredAt) }),
    })),
  })

  // Shifts short of people in the next days; the stand-ins sought are seats that may empty too.
  const understaffed = ({ understaffedShifts }: AdminDashboard): CardOfArea => ({
    area: 'understaffed',
    count: understaffedShifts.count,
    to: '/benevolat',
    rows: understaffedShifts.items.map((shift) => {
      const detail = t(
        'dashboard.understaffed.detail',
        { when: dateTime(shift.startsAt), n: shift.freeSeats, seats: shift.seats },
        shift.freeSeats,
      )
      return {
        key: shift.shiftId,
        to: '/benevolat',
        label: shift.task,
        detail: shift.standInsWanted
          ? t('dashboard.understaffed.standIns', { detail, n: shift.standInsWanted }, shift.standInsWanted)
          : detail,
      }
    }),
  })

  const areas = [memberships, lowStock, imports, webhooks, mails, understaffed]
  return (dashboard) => areas.map((area) => area(dashboard))
}
