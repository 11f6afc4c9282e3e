import { definePreset } from '@primevue/themes'
import Aura from '@primevue/themes/aura'
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

const PanierTheme = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{green.50}',
      100: '{green.100}',
      200: '{green.200}',
      300: '{green.300}',
      400: '{green.400}',
      500: '{green.500}',
      600: '{green.600}',
      700: '{green.700}',
      800: '{green.800}',
      900: '{green.900}',
      950: '{green.950}',
    },
    // Aura's default green-500 buttons are too pale for white text (WCAG AA needs 4.5:1).
    colorScheme: {
      light: {
        primary: { color: '{green.700}', contrastColor: '#ffffff', hoverColor: '{green.800}', activeColor: '{green.900}' },
        // Aura's muted grey (slate-500) falls under 4.5:1 on the light grey of the page and of
        // unselected toggles (the language switch): one step darker passes everywhere.
        text: { mutedColor: '{surface.600}' },
      },
    },
  },
  components: {
    togglebutton: {
      colorScheme: { light: { root: { color: '{surface.600}' } } },
    },
  },
})

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
