import { en } from 'primelocale/js/en.js'
import { fr } from 'primelocale/js/fr.js'
import { usePrimeVue } from 'primevue/config'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { rememberLocale, type AppLocale } from './index'

/** PrimeVue's own texts (date pickers, empty lists, aria labels) in each language. */
export const primeLocales = { fr, en }

export function useLocale() {
  const { locale } = useI18n()
  const primevue = usePrimeVue()
  return {
    locale: computed(() => locale.value as AppLocale),
    setLocale(next: AppLocale) {
      locale.value = next
      primevue.config.locale = primeLocales[next]
      // Screen readers pick their voice from it.
      document.documentElement.lang = next
      rememberLocale(next)
    },
  }
}
