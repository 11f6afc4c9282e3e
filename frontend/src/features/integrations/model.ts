import type { components } from '../../api/schema'

export type IntegrationClient = components['schemas']['IntegrationClient']
export type IntegrationScope = components['schemas']['IntegrationScope']
export type Webhook = components['schemas']['Webhook']
export type WebhookDelivery = components['schemas']['WebhookDelivery']
export type EventType = components['schemas']['EventType']

/** The scopes an admin may grant, in the contract's order (the contract lists what each opens). */
export const integrationScopes: IntegrationScope[] = [
  'catalog:read',
  'catalog:write',
  'stock:write',
  'scales:read',
  'slots:read',
  'orders:read',
  'members:read',
  'memberships:read',
  'ledger:write',
  'webhooks:manage',
]

/** The events an endpoint may ask for; a test event goes to the endpoint it tests, unasked. */
export const subscribableEvents: EventType[] = [
  'order.placed',
  'order.changed',
  'order.cancelled',
  'order.prepared',
  'order.picked_up',
  'order.no_show',
  'order.pickup_reminder',
  'slot.published',
  'slot.changed',
  'slot.cancelled',
  'waitlist.place_offered',
  'waitlist.offer_expired',
  'membership.joined',
  'membership.paid',
  'membership.expiring',
  'payment.recorded',
  'member.status_changed',
  'stock.low',
  'price_list_import.finished',
  'shift.signed_up',
  'shift.withdrawn',
  'shift.stand_in_wanted',
  'shift.stand_in_found',
  'shift.understaffed',
  'webhook.disabled',
]
