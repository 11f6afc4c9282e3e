import type { Product } from '../features/catalog/model'
import type { Basket, BasketLine, Order, PickupSlot } from '../features/drive/model'

/** Now, in the tests of the drive: Tuesday 1 December 2026, 10:00 on the device's clock. */
export const now = new Date(2026, 11, 1, 10, 0)

/** A moment on the device's clock, as the API writes it; formatted back, it reads the same hours. */
export const at = (day: number, hours: number, minutes = 0) => new Date(2026, 11, day, hours, minutes).toISOString()

export const honeyId = 'c0000000-0000-4000-8000-000000000001'
export const pastaId = 'c0000000-0000-4000-8000-000000000002'
export const oilId = 'c0000000-0000-4000-8000-000000000003'

export function product(overrides: Partial<Product> = {}): Product {
  return {
    id: honeyId,
    name: 'Miel de lavande',
    categoryId: 'a1000000-0000-4000-8000-000000000001',
    supplierId: 'a2000000-0000-4000-8000-000000000001',
    unit: 'KG',
    orderStep: 0.5,
    priceCents: 1200,
    vatRate: '5.5',
    labels: [],
    active: true,
    availableOnDrive: true,
    stockOnHand: 1.5,
    onHand: 1.5,
    reserved: 0,
    available: 1.5,
    currency: 'EUR',
    ...overrides,
  }
}

export function line(overrides: Partial<BasketLine> = {}): BasketLine {
  const quantity = overrides.quantity ?? 1
  const unitPriceCents = overrides.unitPriceCents ?? 1200
  return {
    productId: honeyId,
    productName: 'Miel de lavande',
    unit: 'KG',
    orderStep: 0.5,
    quantity,
    unitPriceCents,
    lineTotalCents: Math.round(quantity * unitPriceCents),
    stockOnHand: 10,
    available: true,
    ...overrides,
  }
}

export function basketOf(...lines: BasketLine[]): Basket {
  return { lines, totalCents: lines.reduce((sum, l) => sum + l.lineTotalCents, 0), currency: 'EUR' }
}

export const fridayId = 'd0000000-0000-4000-8000-000000000001'
export const fullId = 'd0000000-0000-4000-8000-000000000002'
export const offeredId = 'd0000000-0000-4000-8000-000000000003'
export const closedId = 'd0000000-0000-4000-8000-000000000004'

export function slot(overrides: Partial<PickupSlot> = {}): PickupSlot {
  return {
    id: fridayId,
    place: 'Local de la coop, 12 rue des Halles',
    startsAt: at(4, 17),
    endsAt: at(4, 17, 30),
    capacity: 12,
    booked: 9,
    placesLeft: 3,
    orderDeadline: at(2, 17),
    status: 'OPEN',
    orderable: true,
    waitlistLength: 0,
    myWaitlist: null,
    ...overrides,
  }
}

/** Friday with places left, Friday later full, Saturday with a place offered, Thursday closed. */
export const slots: PickupSlot[] = [
  slot({ id: closedId, startsAt: at(3, 17), endsAt: at(3, 17, 30), orderDeadline: at(1, 9), orderable: false }),
  slot(),
  slot({ id: fullId, startsAt: at(4, 17, 30), endsAt: at(4, 18), booked: 12, placesLeft: 0, orderable: false, waitlistLength: 2 }),
  slot({
    id: offeredId,
    startsAt: at(5, 10),
    endsAt: at(5, 10, 30),
    orderDeadline: at(3, 10),
    booked: 12,
    placesLeft: 0,
    orderable: false,
    waitlistLength: 1,
    myWaitlist: { status: 'OFFERED', position: 1, offeredUntil: at(2, 18) },
  }),
]

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'e0000000-0000-4000-8000-000000000001',
    number: 42,
    memberId: '7f1c5f0e-3c5b-4a43-9b0e-2f1f1e0b6a11',
    memberNumber: 'A-0003',
    memberName: 'Alice Martin',
    householdId: 'b0000000-0000-4000-8000-000000000003',
    slot: {
      id: fridayId,
      place: 'Local de la coop, 12 rue des Halles',
      startsAt: at(4, 17),
      endsAt: at(4, 17, 30),
      orderDeadline: at(2, 17),
      status: 'OPEN',
    },
    status: 'PLACED',
    lines: [
      { productId: honeyId, productName: 'Miel de lavande', unit: 'KG', quantity: 1.5, unitPriceCents: 1200, lineTotalCents: 1800 },
      { productId: pastaId, productName: "Pâtes à l'épeautre", unit: 'PIECE', quantity: 2, unitPriceCents: 250, lineTotalCents: 500 },
    ],
    totalCents: 2300,
    currency: 'EUR',
    changeable: true,
    placedAt: at(1, 9),
    ...overrides,
  }
}
