import { onBeforeUnmount, ref } from 'vue'
import type { ApiClient } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type PriceListImport = components['schemas']['PriceListImport']

/** How often a running import is asked where it stands. */
export const pollMillis = 500

/**
 * Sends a supplier's CSV price list as the request body, then follows the import it started
 * until it is DONE or FAILED. A refused file (not a CSV, a required column missing) rejects
 * with the server's problem, which the page shows.
 */
export function usePriceListImport(api: ApiClient) {
  const current = ref<PriceListImport>()
  const sending = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  onBeforeUnmount(() => {
    stopped = true
    clearTimeout(timer)
  })

  async function follow(id: string): Promise<void> {
    while (!stopped && current.value?.status === 'RUNNING') {
      await new Promise<void>((resolve) => (timer = setTimeout(resolve, pollMillis)))
      if (stopped) return
      const { data } = await unwrap(api.GET('/api/v1/price-list-imports/{importId}', { params: { path: { importId: id } } }))
      current.value = data
    }
  }

  async function start(supplierId: string, file: File): Promise<void> {
    sending.value = true
    current.value = undefined
    try {
      const { data } = await unwrap(
        api.POST('/api/v1/suppliers/{supplierId}/price-list-imports', {
          params: { path: { supplierId }, query: { fileName: file.name } },
          headers: { 'Content-Type': 'text/csv' },
          // The file itself, bytes as they are: the server reads UTF-8 or Latin-1 itself.
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
        }),
      )
      current.value = data
    } finally {
      sending.value = false
    }
    await follow(current.value.id)
  }

  function reset() {
    clearTimeout(timer)
    current.value = undefined
  }

  return { current, sending, start, reset }
}
