import type { components } from '../../api/schema'

export type Basket = components['schemas']['Basket']
export type BasketLine = components['schemas']['BasketLine']
export type LineInput = components['schemas']['LineInput']
export type PickupSlot = components['schemas']['PickupSlot']
export type SlotSummary = components['schemas']['SlotSummary']
export type WaitlistPosition = components['schemas']['WaitlistPosition']
export type Order = components['schemas']['Order']
export type OrderInput = components['schemas']['OrderInput']
export type OrderLine = components['schemas']['OrderLine']
export type OrderStatus = components['schemas']['OrderStatus']
export type Shortage = components['schemas']['Shortage']
export type ProductUnit = components['schemas']['ProductUnit']

export const emptyBasket: Basket = { lines: [], totalCents: 0, currency: 'EUR' }

export const orderStatusSeverity = {
  PLACED: 'info',
  PREPARED: 'warn',
  PICKED_UP: 'success',
  CANCELLED: 'secondary',
  NO_SHOW: 'danger',
} as const satisfies Record<OrderStatus, string>

/** Still to be collected: the member's current orders, the others are past. */
export function isCurrent(order: Order): boolean {
  return order.status === 'PLACED' || order.status === 'PREPARED'
}

// Quantities are counted in whole steps, so that three steps of 0.1 L make 0.3 and not
// 0.30000000000000004; the API takes at most three decimals.
const thousandths = (value: number) => Math.round(value * 1000) / 1000

/** The quantity one step up or down, never below 0. */
export function stepQuantity(quantity: number, step: number, direction: 1 | -1): number {
  const steps = Math.max(0, Math.round(quantity / step) + direction)
  return thousandths(steps * step)
}

/** The most that can be ordered out of `available`, in whole steps. */
export function floorToStep(available: number, step: number): number {
  // The epsilon keeps 1.5 / 0.5 at 3 steps when the division gives 2.9999999999999996.
  const steps = Math.floor(available / step + 1e-9)
  return Math.max(0, thousandths(steps * step))
}

export type SlotState = 'orderable' | 'offered' | 'full' | 'closed'

/**
 * What a member can do with a slot now. A place kept for them from the waitlist is theirs to
 * take even though the slot counts no place left for the others.
 */
export function slotState(slot: PickupSlot, now: Date): SlotState {
  if (slot.status !== 'OPEN' || new Date(slot.orderDeadline).getTime() <= now.getTime()) return 'closed'
  if (slot.myWaitlist?.status === 'OFFERED') return 'offered'
  if (slot.orderable) return 'orderable'
  return slot.placesLeft <= 0 ? 'full' : 'closed'
}

/** The lines an order is placed or changed with. */
export function lineInputs(lines: { productId: string; quantity: number }[]): LineInput[] {
  return lines.filter((l) => l.quantity > 0).map(({ productId, quantity }) => ({ productId, quantity }))
}
