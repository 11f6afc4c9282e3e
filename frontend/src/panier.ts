import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import type { Plugin } from 'vue'
import { apiKey, createApiClient } from './api/client'
import { authKey, type Auth } from './auth/auth'
import type { RuntimeConfig } from './config'
import { createAppI18n, initialLocale } from './i18n'
import { primeLocales } from './i18n/useLocale'
import { createAppRouter } from './router'
import { PanierTheme } from './theme'

/** Everything the app needs around its components; tests install it the same way. */
export function panier(config: RuntimeConfig, auth: Auth): Plugin {
  return {
    install(app) {
      const locale = initialLocale()
      document.documentElement.lang = locale
      app.provide(authKey, auth)
      app.provide(apiKey, createApiClient(config.apiBaseUrl, auth.token))
      app.use(createPinia())
      app.use(createAppI18n(locale))
      app.use(createAppRouter(auth))
      app.use(PrimeVue, {
        // Our own CSS is light-only, so PrimeVue must not follow the system's dark mode.
        theme: { preset: PanierTheme, options: { darkModeSelector: false } },
        locale: primeLocales[locale],
      })
      app.use(ToastService)
    },
  }
}
