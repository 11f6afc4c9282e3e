import type { components } from '../../api/schema'

export type Workshop = components['schemas']['Workshop']
export type WorkshopInput = components['schemas']['WorkshopInput']
export type PublicWorkshop = components['schemas']['PublicWorkshop']
export type GuestRegistration = components['schemas']['GuestRegistration']
