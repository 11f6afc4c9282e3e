import { createRouter, createWebHistory } from 'vue-router'
import type { Auth } from './auth/auth'
import HomePage from './pages/HomePage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    requiresAuth?: boolean
  }
}

export function createAppRouter(auth: Auth) {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      { path: '/', component: HomePage },
      { path: '/compte', component: () => import('./pages/AccountPage.vue'), meta: { requiresAuth: true } },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  })

  router.beforeEach(async (to) => {
    if (!to.meta.requiresAuth || auth.authenticated.value) return true
    // Keycloak leaves the SPA and comes back to the page that was asked for.
    await auth.login(new URL(router.resolve(to).href, location.origin).href)
    return false
  })

  return router
}
