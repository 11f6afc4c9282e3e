import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { instantOf, type Order, type PickupSlot } from '../features/drive-admin/model'

// Times are built in the machine's own zone, so that a slot "at 17:00" shows 17:00 wherever
// the tests run.

export const place = 'Local de la coop, 12 rue des Halles'

let ids = 0
const nextId = (prefix: string) => `${prefix}0000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`

export function slot(day: string, from: string, to: string, values: Partial<PickupSlot> = {}): PickupSlot {
  return {
    id: nextId('d'),
    place,
    startsAt: instantOf(day, from),
    endsAt: instantOf(day, to),
    capacity: 12,
    booked: 0,
    placesLeft: 12,
    orderDeadline: new Date(Date.parse(instantOf(day, from)) - 48 * 3600_000).toISOString(),
    status: 'OPEN',
    orderable: true,
    cancelReason: null,
    waitlistLength: 0,
    ...values,
  }
}

/** A slot running between two moments, e.g. one under way now. */
export function slotAt(startsAt: Date, minutes: number, values: Partial<PickupSlot> = {}): PickupSlot {
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000)
  return {
    ...slot('2026-12-04', '17:00', '17:30', values),
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    orderDeadline: startsAt.toISOString(),
    ...values,
  }
}

export const members = {
  alice: { memberId: '7f1c5f0e-3c5b-4a43-9b0e-2f1f1e0b6a11', memberNumber: 'A-0003', memberName: 'Alice Martin' },
  bruno: { memberId: 'a0000000-0000-4000-8000-000000000004', memberNumber: 'A-0004', memberName: 'Bruno Moreau' },
}

let orderNumbers = 40

export function order(of: PickupSlot, member: (typeof members)[keyof typeof members], values: Partial<Order> = {}): Order {
  const line = (productId: string, productName: string, unit: 'PIECE' | 'KG', quantity: number, unitPriceCents: number) => ({
    productId,
    productName,
    unit,
    quantity,
    unitPriceCents,
    lineTotalCents: Math.round(quantity * unitPriceCents),
  })
  const lines = [
    line('c0000000-0000-4000-8000-000000000001', 'Miel de fleurs', 'PIECE', 2, 890),
    line('c0000000-0000-4000-8000-000000000004', 'Pommes Reinette', 'KG', 1.5, 320),
  ]
  return {
    id: nextId('f'),
    number: ++orderNumbers,
    ...member,
    householdId: 'b0000000-0000-4000-8000-000000000001',
    slot: { id: of.id, place: of.place, startsAt: of.startsAt, endsAt: of.endsAt, orderDeadline: of.orderDeadline, status: of.status },
    status: 'PLACED',
    lines,
    totalCents: 2260,
    currency: 'EUR',
    changeable: false,
    cancelReason: null,
    householdNoShows: 0,
    placedAt: '2026-11-30T10:00:00Z',
    pickedUpAt: null,
    paidCents: null,
    ...values,
  }
}

/** The whole page, dialogs included: PrimeVue teleports them to <body>. */
export const screen = () => new DOMWrapper(document.body)

/** Clicks the button of the page or of an open dialog that reads `label`, and lets the API answer. */
export async function press(label: string) {
  const button = screen()
    .findAll('button')
    .find((b) => b.text() === label || b.attributes('aria-label') === label)
  if (!button) {
    const labels = screen().findAll('button').map((b) => b.attributes('aria-label') ?? b.text())
    throw new Error(`No button "${label}" in: ${labels.join(' | ')}`)
  }
  await button.trigger('click')
  await flushPromises()
}

/** Types into an input of the page or of a dialog, then leaves it, as PrimeVue's number inputs expect. */
export async function fill(id: string, text: string) {
  const input = screen().get(`#${id}`)
  await input.setValue(text)
  await input.trigger('blur')
  await flushPromises()
}
