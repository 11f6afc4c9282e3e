import { ApiError } from './problem'

type Translate = (key: string, named?: Record<string, unknown>) => string

export interface ErrorDescription {
  /** What happened, in the person's language. */
  message: string
  /** The server's message for each faulty field, keyed by the field's JSON path. */
  fieldErrors: Record<string, string>
}

const statusesWithOwnMessage = new Set([400, 401, 403, 404, 409, 412, 428])
// The server explains these in words a person understands (e.g. when a renewal opens).
const statusesExplainedByServer = new Set([409, 422])

/** `messages` replaces the message key of a status where the generic one would mislead, e.g. 412. */
export function describeError(
  error: unknown,
  t: Translate,
  messages: Partial<Record<number, string>> = {},
): ErrorDescription {
  if (!(error instanceof ApiError)) return { message: t('errors.server'), fieldErrors: {} }
  const { status, problem } = error
  const fieldErrors: Record<string, string> = {}
  for (const { field, message } of problem?.errors ?? []) {
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ; ${message}` : message
  }
  if (status === 0) return { message: t('errors.network'), fieldErrors }
  if (status >= 500) {
    const reference = problem?.correlationId ? ` ${t('errors.reference', { id: problem.correlationId })}` : ''
    return { message: t('errors.server') + reference, fieldErrors }
  }
  if (statusesExplainedByServer.has(status) && problem?.detail) return { message: problem.detail, fieldErrors }
  const key = messages[status] ?? (statusesWithOwnMessage.has(status) ? `errors.${status}` : 'errors.other')
  return { message: t(key, { status }), fieldErrors }
}
