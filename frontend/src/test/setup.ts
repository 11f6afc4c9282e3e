import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { keycloakLogin, keycloakSession } from './fakeKeycloak'
import { server } from './server'

vi.mock('keycloak-js', () => import('./fakeKeycloak'))

// jsdom has no layout; PrimeVue's overlays only ask whether the screen is a phone.
window.matchMedia = (query) =>
  ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  localStorage.clear()
  keycloakSession.signedIn = true
  keycloakLogin.mockClear()
})
afterEach(() => {
  server.resetHandlers()
  document.body.innerHTML = ''
})
afterAll(() => server.close())
