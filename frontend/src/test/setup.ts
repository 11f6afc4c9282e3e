import { enableAutoUnmount } from '@vue/test-utils'
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest'
import { keycloakLogin, keycloakSession } from './fakeKeycloak'
import { server } from './server'

vi.mock('keycloak-js', () => import('./fakeKeycloak'))

// jsdom has no layout; PrimeVue's overlays only ask whether the screen is a phone.
window.matchMedia = (query) =>
  ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList
// The router scrolls to the top on each navigation; jsdom has nothing to scroll.
window.scrollTo = () => {}
// Textareas that grow with their text watch their size; jsdom never resizes anything.
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  localStorage.clear()
  keycloakSession.signedIn = true
  keycloakSession.roles = ['member']
  keycloakLogin.mockClear()
})
afterEach(() => {
  server.resetHandlers()
  document.body.innerHTML = ''
})
// An app left mounted would go on reacting (late answers, lazy pages) inside the next test.
// Registered last so that it runs first: hooks run in reverse, and the app leaves before the page is emptied.
enableAutoUnmount(afterEach)
afterAll(() => server.close())
