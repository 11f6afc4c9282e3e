import type { ApiClient } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { Supplier } from './model'

/** Every supplier, for a filter or a choice: a co-op has tens of them, not thousands. */
export async function fetchAllSuppliers(api: ApiClient): Promise<Supplier[]> {
  const all: Supplier[] = []
  let cursor: string | undefined
  do {
    const { data } = await unwrap(api.GET('/api/v1/suppliers', { params: { query: { limit: 200, cursor } } }))
    all.push(...data.items)
    cursor = data.nextCursor ?? undefined
  } while (cursor)
  return all
}
