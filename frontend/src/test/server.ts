import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'

export const apiBaseUrl = 'http://api.test'

/** The API seen by the tests; each test adds its handlers with server.use(). */
export const server = setupServer(
  // The navigation counts the lines of a signed-in member's basket on every page.
  http.get(`${apiBaseUrl}/api/v1/me/basket`, () => HttpResponse.json({ lines: [], totalCents: 0, currency: 'EUR' })),
  // And whether a member is at the door (a door shift on now), to offer the pickup screen.
  http.get(`${apiBaseUrl}/api/v1/me/door-access`, () => HttpResponse.json({ open: false })),
  // Bénévolat says first how the member volunteers: a volant unless a test says otherwise.
  http.get(`${apiBaseUrl}/api/v1/me/volunteering`, () => HttpResponse.json({ kind: 'VOLANT', regularSeats: [], skills: [] })),
)
