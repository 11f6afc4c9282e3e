import type { ApiClient } from '../../api/client'
import { unwrap } from '../../api/problem'
import { saveDownload } from '../../api/saveDownload'
import { todayIso } from '../../dates'

/** Downloads the whole catalogue as CSV, in the columns the price-list import reads back. */
export async function downloadCatalogCsv(api: ApiClient): Promise<void> {
  const { data } = await unwrap(api.GET('/api/v1/products/export', { parseAs: 'blob' }))
  saveDownload(data, `catalogue-${todayIso()}.csv`)
}
