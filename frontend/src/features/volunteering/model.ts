import type { components } from '../../api/schema'

export type Shift = components['schemas']['Shift']

/** The tasks every co-op has; a co-op may add its own, which the list then shows too. */
export const commonTasks = ['accueil', 'caisse', 'réception des livraisons', 'préparation du drive', 'ménage']

/** The tasks to filter by: the common ones, then those the listed shifts add, without repeats (case ignored). */
export function taskChoices(shifts: Shift[]): string[] {
  const seen = new Map<string, string>()
  for (const task of [...commonTasks, ...shifts.map((s) => s.task)]) {
    const key = task.toLocaleLowerCase('fr')
    if (!seen.has(key)) seen.set(key, task)
  }
  return [...seen.values()]
}
