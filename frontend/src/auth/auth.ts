import Keycloak from 'keycloak-js'
import { inject, readonly, ref, type InjectionKey, type Ref } from 'vue'
import type { RuntimeConfig } from '../config'

export interface Auth {
  readonly authenticated: Readonly<Ref<boolean>>
  /** A valid access token, refreshed when it expires within 30 s; undefined when signed out. */
  token(): Promise<string | undefined>
  login(redirectUri?: string): Promise<void>
  logout(): Promise<void>
}

export const authKey: InjectionKey<Auth> = Symbol('auth')

export async function createAuth(config: RuntimeConfig['keycloak']): Promise<Auth> {
  const keycloak = new Keycloak(config)
  const authenticated = ref(false)
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

  return {
    authenticated: readonly(authenticated),
    async token() {
      if (!keycloak.authenticated) return undefined
      try {
        await keycloak.updateToken(30)
      } catch {
        // The refresh token expired too: the API's 401 tells the person to sign in again.
        authenticated.value = false
        return undefined
      }
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
