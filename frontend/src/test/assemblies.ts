import type { AgendaItem, Assembly, AssemblyHand, AssemblyLive } from '../features/assemblies/model'
import { at } from './drive'

export const agoraId = 'd1000000-0000-4000-8000-000000000001'
export const camille = { id: 'a0000000-0000-4000-8000-000000000001', firstName: 'Camille', lastName: 'Durand' }
export const remi = { id: 'a0000000-0000-4000-8000-000000000002', firstName: 'Rémi', lastName: 'Lefèvre' }
export const alice = { id: 'a0000000-0000-4000-8000-000000000003', firstName: 'Alice', lastName: 'Martin' }

/** The Agora of Tuesday 15 December 2026, 19:00 – 21:30, facilitated by Rémi; its agenda open until the 8th. */
export const assembly = (overrides: Partial<Assembly> = {}): Assembly => ({
  id: agoraId,
  title: 'Agora de décembre',
  place: 'Local de la coop, 12 rue des Halles',
  startsAt: at(15, 19),
  endsAt: at(15, 21, 30),
  status: 'SCHEDULED',
  facilitator: remi,
  agendaClosesAt: at(8, 19),
  agendaOpen: true,
  itemCount: 1,
  canFacilitate: false,
  proxiesHeld: [],
  ...overrides,
})

export const item = (overrides: Partial<AgendaItem> = {}): AgendaItem => ({
  id: 'd2000000-0000-4000-8000-000000000001',
  assemblyId: agoraId,
  askedForAssemblyId: agoraId,
  title: 'Un frigo pour le local',
  description: 'Le frigo tombe en panne chaque été.',
  durationMinutes: 20,
  late: false,
  status: 'PROPOSED',
  author: alice,
  submittedAt: at(1, 9),
  mine: false,
  editable: false,
  notes: '',
  decision: '',
  version: 0,
  ...overrides,
})

export const hand = (id: string, member: typeof alice, interventions: number): AssemblyHand => ({
  id,
  member,
  raisedAt: at(15, 19, 10),
  interventions,
})

export const live = (overrides: Partial<AssemblyLive> = {}): AssemblyLive => ({
  assemblyId: agoraId,
  status: 'LIVE',
  now: at(15, 19, 5),
  startedAt: at(15, 19),
  currentItemId: item().id,
  items: [item({ startedAt: at(15, 19) })],
  hands: [],
  present: [],
  proxyCount: 0,
  mePresent: false,
  canFacilitate: true,
  ...overrides,
})
