import type { components } from '../../api/schema'

export type MailDelivery = components['schemas']['MailDelivery']
export type MailDeliveryStatus = components['schemas']['MailDeliveryStatus']

/** The filter of the mail log: a state, or every mail. */
export type MailFilter = MailDeliveryStatus | 'ALL'
export const mailFilters: MailFilter[] = ['FAILED', 'PENDING', 'SENT', 'ALL']

export const mailStateSeverity: Record<MailDeliveryStatus, 'danger' | 'warn' | 'success'> = {
  FAILED: 'danger',
  PENDING: 'warn',
  SENT: 'success',
}
