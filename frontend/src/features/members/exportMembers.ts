import type { ApiClient } from '../../api/client'
import { unwrap } from '../../api/problem'
import { saveDownload } from '../../api/saveDownload'
import { todayIso } from '../../dates'

/** Downloads the members' CSV. */
export async function downloadMembersCsv(api: ApiClient): Promise<void> {
  const { data } = await unwrap(api.GET('/api/v1/members/export', { parseAs: 'blob' }))
  saveDownload(data, `adherents-${todayIso()}.csv`)
}
