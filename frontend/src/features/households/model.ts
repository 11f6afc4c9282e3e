import type { components } from '../../api/schema'

type Schemas = components['schemas']
export type Household = Schemas['Household']
export type HouseholdInput = Schemas['HouseholdInput']
export type LedgerEntry = Schemas['LedgerEntry']
export type LedgerPage = Schemas['LedgerPage']
