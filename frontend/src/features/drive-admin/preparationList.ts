import type { ApiClient } from '../../api/client'
import { unwrap } from '../../api/problem'
import { saveDownload } from '../../api/saveDownload'
import { localParts, type PickupSlot } from './model'

export type PreparationFormat = 'pdf' | 'csv'
/** A slot's list, or the list of every slot of a day. */
export type PreparationTarget = { slot: PickupSlot } | { day: string }

const accept: Record<PreparationFormat, string> = { pdf: 'application/pdf', csv: 'text/csv' }

function fileName(target: PreparationTarget, format: PreparationFormat): string {
  if ('day' in target) return `preparation-${target.day}.${format}`
  const [day, time] = localParts(target.slot.startsAt)
  return `preparation-${day}-${time.replace(':', 'h')}.${format}`
}

/** Downloads a preparation list as the printable PDF or the CSV. */
export async function downloadPreparationList(api: ApiClient, target: PreparationTarget, format: PreparationFormat) {
  const options = { headers: { Accept: accept[format] }, parseAs: 'blob' as const }
  const call =
    'day' in target
      ? api.GET('/api/v1/preparation-lists/{day}', { params: { path: { day: target.day } }, ...options })
      : api.GET('/api/v1/pickup-slots/{slotId}/preparation-list', { params: { path: { slotId: target.slot.id } }, ...options })
  const { data } = await unwrap(call)
  saveDownload(data as Blob, fileName(target, format))
}
