import type { components } from '../../api/schema'

type Schemas = components['schemas']

export type AdminDashboard = Schemas['AdminDashboard']
export type DashboardPickups = Schemas['DashboardPickups']
export type DashboardSlot = Schemas['DashboardSlot']
export type DashboardMemberships = Schemas['DashboardMemberships']
export type DashboardLowStock = Schemas['DashboardLowStock']
export type DashboardPriceListImports = Schemas['DashboardPriceListImports']
export type DashboardWebhooks = Schemas['DashboardWebhooks']
export type DashboardMails = Schemas['DashboardMails']
export type DashboardUnderstaffedShifts = Schemas['DashboardUnderstaffedShifts']

/** One line of a card: what it is, a few words on it, and the screen where to deal with it. */
export interface DashboardRow {
  key: string
  to: string
  label: string
  detail: string
}
