import { flushPromises, mount } from '@vue/test-utils'
import App from '../App.vue'
import { createAuth } from '../auth/auth'
import { panier } from '../panier'
import { apiBaseUrl } from './server'

const config = {
  apiBaseUrl,
  keycloak: { url: 'http://keycloak.test', realm: 'panier', clientId: 'panier-frontend' },
}

/** Mounts the whole app at `path`, as a browser opening that address would. */
export async function renderApp(path: string) {
  window.history.replaceState({}, '', path)
  const auth = await createAuth(config.keycloak)
  // Attached to the document because toasts are teleported to <body>.
  const wrapper = mount(App, { global: { plugins: [panier(config, auth)] }, attachTo: document.body })
  // Rejects when a guard stops the first navigation, e.g. a visitor sent to Keycloak.
  await wrapper.vm.$router.isReady().catch(() => undefined)
  await flushPromises()
  return wrapper
}
