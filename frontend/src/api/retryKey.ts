import { newIdempotencyKey } from '../features/memberships/idempotencyKey'
import { ApiError } from './problem'

/**
 * One Idempotency-Key per request until it is answered: sent again with the same body after an
 * answer that never came, it carries the same key, so the server gives back what it may have
 * recorded (an order, logged hours, a gift) instead of recording it twice. A refusal recorded
 * nothing: the next request is a new one.
 */
export function useRetryKey() {
  let unanswered: { key: string; body: string } | undefined
  return {
    /** Sends the body with its key, and keeps the key only while the answer is unknown. */
    async send<T>(body: unknown, call: (key: string) => Promise<T>): Promise<T> {
      const json = JSON.stringify(body)
      const key = unanswered?.body === json ? unanswered.key : newIdempotencyKey()
      unanswered = { key, body: json }
      try {
        const answer = await call(key)
        unanswered = undefined
        return answer
      } catch (error) {
        // After a network failure or a server error it may be recorded, and only the same key can find it again.
        if (error instanceof ApiError && error.status > 0 && error.status < 500) unanswered = undefined
        throw error
      }
    },
  }
}
