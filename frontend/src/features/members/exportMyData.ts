import type { ApiClient } from '../../api/client'
import { unwrap } from '../../api/problem'
import { saveDownload } from '../../api/saveDownload'

/** Downloads everything Panier holds about the signed-in member, as one JSON file. */
export async function downloadMyData(api: ApiClient, memberNumber: string): Promise<void> {
  const { data } = await unwrap(api.GET('/api/v1/me/export', { parseAs: 'blob' }))
  saveDownload(data, `panier-mes-donnees-${memberNumber}.json`)
}
