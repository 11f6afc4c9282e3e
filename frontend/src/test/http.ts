import { HttpResponse } from 'msw'
import { apiBaseUrl } from './server'

/** The address msw answers for an API path, e.g. api('/members/:id'). */
export const api = (path: string) => `${apiBaseUrl}/api/v1${path}`

/** An RFC 9457 answer, as the backend sends it. */
export function problem(status: number, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    { type: 'https://panier.coop/problems/test', title: 'Erreur', status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )
}

/** Intl's French formats use no-break spaces (1 190,47 €); tests compare with plain ones. */
export function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ')
}
