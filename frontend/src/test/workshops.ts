import type { PublicWorkshop, Workshop } from '../features/workshops/model'
import { at } from './drive'

/** A members' workshop on Wednesday 16 December, 18:30 – 20:00, 3 places left of 12. */
export const workshop = (overrides: Partial<Workshop> = {}): Workshop => ({
  id: 'a7000000-0000-4000-8000-000000000001',
  title: 'Comment mieux manger ?',
  description: 'Une heure et demie avec une diététicienne.',
  place: 'Local de la coop, 12 rue des Halles',
  startsAt: at(16, 18, 30),
  endsAt: at(16, 20),
  capacity: 12,
  placesLeft: 3,
  waiting: 0,
  public: false,
  status: 'OPEN',
  registrationStatus: null,
  waitingPosition: null,
  ...overrides,
})

/** The public « Disco soupe » on Saturday 19 December, 15:00 – 18:00, as the neighbourhood sees it. */
export const publicEvent = (overrides: Partial<PublicWorkshop> = {}): PublicWorkshop => ({
  id: 'a7000000-0000-4000-8000-000000000002',
  title: 'Disco soupe',
  description: 'On cuisine les légumes invendus, en musique.',
  place: 'Place du marché',
  startsAt: at(19, 15),
  endsAt: at(19, 18),
  capacity: 40,
  placesLeft: 12,
  ...overrides,
})
