import 'primeicons/primeicons.css'
import './style.css'
import { createApp } from 'vue'
import App from './App.vue'
import { createAuth } from './auth/auth'
import { loadConfig } from './config'
import { panier } from './panier'

async function start() {
  const config = await loadConfig()
  const auth = await createAuth(config.keycloak)
  createApp(App).use(panier(config, auth)).mount('#app')
}

start().catch((error: unknown) => {
  console.error('Panier could not start', error)
  document.getElementById('app')!.textContent = "Panier n'a pas pu démarrer. Réessayez dans quelques instants."
})
