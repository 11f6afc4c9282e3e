import type { ApiClient } from '../../../api/client'
import { unwrap } from '../../../api/problem'
import { saveDownload } from '../../../api/saveDownload'
import { todayIso } from '../../../dates'

/** Downloads the households by hours balance, as CSV. */
export async function downloadBalancesCsv(api: ApiClient): Promise<void> {
  const { data } = await unwrap(api.GET('/api/v1/volunteering/balances/export', { parseAs: 'blob' }))
  saveDownload(data, `heures-par-foyer-${todayIso()}.csv`)
}
