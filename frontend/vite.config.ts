import { readFileSync } from 'node:fs'
import vue from '@vitejs/plugin-vue'
import { defineConfig, type Plugin } from 'vite'

// `make run` writes the runtime config of the stack it started (ports, an external Keycloak)
// and points PANIER_CONFIG_FILE at it; without it, public/config.json is served.
function runtimeConfigFromEnv(): Plugin {
  return {
    name: 'panier-runtime-config',
    configureServer(server) {
      const file = process.env.PANIER_CONFIG_FILE
      if (!file) return
      server.middlewares.use('/config.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json')
        res.end(readFileSync(file))
      })
    },
  }
}

export default defineConfig({
  plugins: [vue(), runtimeConfigFromEnv()],
  define: {
    // Compile-time flags of vue-i18n's bundler build: Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  // Keycloak's redirect URIs and the backend's CORS origins list these exact ports.
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: 'localhost', port: 4173, strictPort: true },
})
