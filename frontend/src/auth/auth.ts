import Keycloak from 'keycloak-js'
import { inject, readonly, ref, type InjectionKey, type Ref } from 'vue'
import type { RuntimeConfig } from '../config'

export interface Auth {
  readonly authenticated: Readonly<Ref<boolean>>
  /** The realm roles of the signed-in person (member, referent, admin); empty when signed out. */
  readonly roles: Readonly<Ref<readonly string[]>>
  hasRole(role: string): boolean
  /** A valid access token, refreshed when it expires within 30 s; undefined when signed out. */
  token(): Promise<string | undefined>
  login(redirectUri?: string): Promise<void>
  logout(): Promise<void>
}

export const authKey: InjectionKey<Auth> = Symbol('auth')

export async function createAuth(config: RuntimeConfig['keycloak']): Promise<Auth> {
  const keycloak = new Keycloak(config)
  const authenticated = ref(false)
  const roles = ref<readonly string[]>([])
  // The token says what the person may do; the API checks it again on every call.
  const readRoles = () => {
    roles.value = keycloak.tokenParsed?.realm_access?.roles ?? []
  }
  const appUrl = new URL(import.meta.env.BASE_URL, location.origin).href
  try {
    authenticated.value = await keycloak.init({
      onLoad: 'check-sso',
      silentCheckSsoRedirectUri: `${appUrl}silent-check-sso.html`,
      pkceMethod: 'S256',
      // The session iframe needs third-party cookies, which browsers block.
      checkLoginIframe: false,
    })
  } catch (error) {
    // Keycloak unreachable: the public pages still work, signed out.
    console.error('Keycloak init failed', error)
  }
  readRoles()

  return {
    authenticated: readonly(authenticated),
    roles: readonly(roles),
    hasRole: (role) => roles.value.includes(role),
    async token() {
      if (!keycloak.authenticated) return undefined
      try {
        await keycloak.updateToken(30)
      } catch {
        // The refresh token expired too: the API's 401 tells the person to sign in again.
        authenticated.value = false
        roles.value = []
        return undefined
      }
      readRoles()
      return keycloak.token
    },
    login: (redirectUri) => keycloak.login({ redirectUri }),
    logout: () => keycloak.logout({ redirectUri: appUrl }),
  }
}

export function useAuth(): Auth {
  const auth = inject(authKey)
  if (!auth) throw new Error('useAuth() needs the panier plugin')
  return auth
}
