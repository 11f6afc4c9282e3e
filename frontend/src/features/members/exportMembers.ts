import type { ApiClient } from '../../api/client'
import { unwrap } from '../../api/problem'
import { todayIso } from '../../dates'

/**
 * Downloads the members' CSV. A plain link cannot carry the bearer token, so the file is
 * fetched with it and handed to the browser as a download.
 */
export async function downloadMembersCsv(api: ApiClient): Promise<void> {
  const { data } = await unwrap(api.GET('/api/v1/members/export', { parseAs: 'blob' }))
  const url = URL.createObjectURL(data)
  const link = document.createElement('a')
  link.href = url
  link.download = `adherents-${todayIso()}.csv`
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has taken the file once click() returns; the address only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
