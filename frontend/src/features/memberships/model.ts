import type { components } from '../../api/schema'

type Schemas = components['schemas']
export type Bracket = Schemas['Bracket']
export type FeeQuote = Schemas['FeeQuote']
export type QuoteRequest = Schemas['QuoteRequest']
export type JoinRequest = Schemas['JoinRequest']
export type Membership = Schemas['Membership']
export type MembershipStatus = Schemas['MembershipStatus']
export type MembershipScale = Schemas['MembershipScale']
export type MembershipScaleInput = Schemas['MembershipScaleInput']
export type MembershipStats = Schemas['MembershipStats']
export type PaymentMethod = Schemas['PaymentMethod']
export type PaymentInput = Schemas['PaymentInput']

export const paymentMethods: PaymentMethod[] = ['CASH', 'CHEQUE', 'TRANSFER', 'CARD']

export const membershipStatusSeverity = {
  AWAITING_PAYMENT: 'warn',
  ACTIVE: 'success',
  EXPIRED: 'secondary',
} as const satisfies Record<MembershipStatus, string>
