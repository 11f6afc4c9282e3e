import { vi } from 'vitest'

/** What the next Keycloak session looks like; tests change it before rendering. */
export const keycloakSession: { signedIn: boolean; roles: string[] } = { signedIn: true, roles: ['member'] }
export const keycloakLogin = vi.fn(async () => {})

// Stands in for keycloak-js: no iframe, no redirect, a fixed token.
export default class FakeKeycloak {
  authenticated = false
  token: string | undefined
  tokenParsed: { realm_access: { roles: string[] } } | undefined

  async init() {
    this.authenticated = keycloakSession.signedIn
    this.token = this.authenticated ? 'test-token' : undefined
    this.tokenParsed = this.authenticated ? { realm_access: { roles: [...keycloakSession.roles] } } : undefined
    return this.authenticated
  }

  async updateToken() {
    return false
  }

  login = keycloakLogin
  logout = vi.fn(async () => {})
}
