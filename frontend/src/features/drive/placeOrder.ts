import { useApi } from '../../api/client'
import { ApiError, unwrap } from '../../api/problem'
import { newIdempotencyKey } from '../memberships/idempotencyKey'
import type { Order, OrderInput, Shortage } from './model'

/**
 * Places orders with an Idempotency-Key per confirmation: asked again with the same slot and
 * lines after an answer that never came, it sends the same key, so the server returns the order
 * it may have created instead of a second one.
 */
export function usePlaceOrder() {
  const api = useApi()
  let unanswered: { key: string; body: string } | undefined

  return async function place(input: OrderInput): Promise<Order> {
    const body = JSON.stringify(input)
    const key = unanswered?.body === body ? unanswered.key : newIdempotencyKey()
    unanswered = { key, body }
    try {
      const { data } = await unwrap(api.POST('/api/v1/orders', { params: { header: { 'Idempotency-Key': key } }, body: input }))
      unanswered = undefined
      return data
    } catch (error) {
      // A refusal created nothing: the next confirmation is a new one. After a network failure
      // or a server error the order may exist, and only the same key can find it again.
      if (error instanceof ApiError && error.status > 0 && error.status < 500) unanswered = undefined
      throw error
    }
  }
}

/** The products a 409 says cannot be served, if that is why the order was refused. */
export function shortagesOf(error: unknown): Shortage[] {
  return error instanceof ApiError && error.status === 409 ? (error.problem?.shortages ?? []) : []
}
