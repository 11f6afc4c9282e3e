import type { ShiftTemplate, Skill } from '../features/volunteering/templates/model'

// The management of volunteering as the tests meet it: templates of the co-op's week, its tasks and skills.

export const tasks = ['accueil', 'caisse', 'ménage', 'préparation du drive', 'réception des livraisons'].map((name, i) => ({
  id: `c1000000-0000-4000-8000-00000000000${i}`,
  name,
}))

export const trainedCashier: Skill = {
  id: 'c2000000-0000-4000-8000-000000000001',
  name: 'caisse formée',
  description: 'A suivi la formation à la caisse',
  holders: 2,
}
export const firstAid: Skill = { id: 'c2000000-0000-4000-8000-000000000002', name: 'premiers secours', holders: 0 }

let ids = 0

export function template(values: Partial<ShiftTemplate> = {}): ShiftTemplate {
  return {
    id: `c3000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    task: 'caisse',
    place: 'Local de la coop, 12 rue des Halles',
    weekday: 'WEDNESDAY',
    startTime: '17:00',
    endTime: '19:00',
    seats: 3,
    skilledSeats: [],
    recurrence: 'WEEKLY',
    regularSeats: 0,
    keptShifts: [],
    ...values,
  }
}
