import { createHmac, timingSafeEqual } from 'node:crypto'

/** How far a webhook's timestamp may be from now: an older one may be a replay. */
const TOLERANCE_SECONDS = 5 * 60

/**
 * Checks a delivery the Standard Webhooks way: `webhook-signature` holds one or more
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the base64 part of `whsec_…`.
 */
export function verified(
  secret: string,
  headers: { id?: string; timestamp?: string; signature?: string },
  body: string,
  now = Date.now(),
): boolean {
  const { id, timestamp, signature } = headers
  if (!id || !timestamp || !signature) return false
  if (Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest()
  return signature.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',')
    if (version !== 'v1' || !value) return false
    const given = Buffer.from(value, 'base64')
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}
