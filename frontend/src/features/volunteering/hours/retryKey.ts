import { ApiError } from '../../../api/problem'
import { newIdempotencyKey } from '../../memberships/idempotencyKey'

/**
 * One Idempotency-Key per request until it is answered: sent again with the same body after an
 * answer that never came, it carries the same key, so the server gives back what it may have
 * recorded (logged hours, a gift) instead of recording it twice. A refusal recorded nothing:
 * the next request is a new one.
 */
export function useRetryKey() {
  let unanswered: { key: string; body: string } | undefined
  return {
    keyFor(body: unknown): string {
      const json = JSON.stringify(body)
      const key = unanswered?.body === json ? unanswered.key : newIdempotencyKey()
      unanswered = { key, body: json }
      return key
    },
    settle(error?: unknown) {
      if (error === undefined || (error instanceof ApiError && error.status > 0 && error.status < 500)) unanswered = undefined
    },
    /** Sends the body with its key, and keeps the key only while the answer is unknown. */
    async send<T>(body: unknown, call: (key: string) => Promise<T>): Promise<T> {
      try {
        const answer = await call(this.keyFor(body))
        this.settle()
        return answer
      } catch (error) {
        this.settle(error)
        throw error
      }
    },
  }
}
