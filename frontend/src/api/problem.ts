import type { components } from './schema'

export type Problem = components['schemas']['Problem']

/** A failed API call: the HTTP status (0 when no answer came) and the server's problem document. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
    options?: ErrorOptions,
  ) {
    super(problem?.title ?? (status ? `HTTP ${status}` : 'No answer from the server'), options)
    this.name = 'ApiError'
  }
}

interface FetchResult<T> {
  data?: T
  error?: unknown
  response: Response
}

/** Resolves to the data of a successful openapi-fetch call, rejects with an ApiError otherwise. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>
  try {
    result = await call
  } catch (cause) {
    // fetch rejects with a TypeError only when the server could not be reached.
    if (cause instanceof TypeError) throw new ApiError(0, undefined, { cause })
    throw cause
  }
  if (!result.response.ok) throw new ApiError(result.response.status, asProblem(result.error))
  return { data: result.data as T, response: result.response }
}

// A proxy in front of the backend may answer with HTML instead of a problem document.
function asProblem(body: unknown): Problem | undefined {
  const candidate = body as Partial<Problem> | null
  return typeof candidate === 'object' && candidate !== null && typeof candidate.status === 'number'
    ? (candidate as Problem)
    : undefined
}
