import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { useApi } from '../../api/client'
import { unwrap } from '../../api/problem'
import { emptyBasket, type Basket, type BasketLine } from './model'

/**
 * The signed-in member's basket. The server keeps it, so it follows the member from a phone to
 * a computer; this store only mirrors the last answer and what was asked since.
 */
export const useBasketStore = defineStore('basket', () => {
  const api = useApi()
  const basket = ref<Basket>()
  // Quantities asked for and not answered yet: a stepper tapped three times shows the third
  // quantity at once, while the requests go one after the other.
  const asked = reactive(new Map<string, number>())
  let queue: Promise<unknown> = Promise.resolve()
  let loading: Promise<void> | undefined

  async function load(): Promise<void> {
    const { data } = await unwrap(api.GET('/api/v1/me/basket'))
    basket.value = data
  }

  /** Loads the basket unless it was loaded (or is being loaded) already, e.g. for the navigation's count. */
  function ensureLoaded(): Promise<void> {
    if (basket.value) return Promise.resolve()
    loading ??= load().finally(() => (loading = undefined))
    return loading
  }

  /** Queued, so that the answers arrive in the order of the taps and the last one wins. */
  function send(call: () => Promise<Basket>): Promise<void> {
    const run = queue.then(async () => {
      basket.value = await call()
    })
    queue = run.catch(() => undefined)
    return run
  }

  function setQuantity(productId: string, quantity: number): Promise<void> {
    asked.set(productId, quantity)
    return send(async () => {
      try {
        const { data } = await unwrap(
          api.PUT('/api/v1/me/basket/lines/{productId}', { params: { path: { productId } }, body: { quantity } }),
        )
        return data
      } finally {
        if (asked.get(productId) === quantity) asked.delete(productId)
      }
    })
  }

  function empty(): Promise<void> {
    return send(async () => {
      await unwrap(api.DELETE('/api/v1/me/basket'))
      return emptyBasket
    })
  }

  /** Resolves once every change asked for has been answered, e.g. before ordering what the basket holds. */
  function settled(): Promise<unknown> {
    return queue
  }

  /** The server empties the basket when an order is placed. */
  function ordered() {
    asked.clear()
    basket.value = emptyBasket
  }

  const lines = computed<BasketLine[]>(() => basket.value?.lines ?? [])
  const lineCount = computed(() => lines.value.length)

  function quantityOf(productId: string): number {
    return asked.get(productId) ?? lines.value.find((l) => l.productId === productId)?.quantity ?? 0
  }

  return { basket, lines, lineCount, load, ensureLoaded, setQuantity, empty, settled, ordered, quantityOf }
})
