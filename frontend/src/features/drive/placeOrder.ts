import { useApi } from '../../api/client'
import { ApiError, unwrap } from '../../api/problem'
import { useRetryKey } from '../../api/retryKey'
import type { Order, OrderInput, Shortage } from './model'

/**
 * Places orders with an Idempotency-Key per confirmation: asked again with the same slot and
 * lines after an answer that never came, it sends the same key, so the server returns the order
 * it may have created instead of a second one.
 */
export function usePlaceOrder() {
  const api = useApi()
  const retry = useRetryKey()

  return async function place(input: OrderInput): Promise<Order> {
    const { data } = await retry.send(input, (key) =>
      unwrap(api.POST('/api/v1/orders', { params: { header: { 'Idempotency-Key': key } }, body: input })),
    )
    return data
  }
}

/** The products a 409 says cannot be served, if that is why the order was refused. */
export function shortagesOf(error: unknown): Shortage[] {
  return error instanceof ApiError && error.status === 409 ? (error.problem?.shortages ?? []) : []
}
