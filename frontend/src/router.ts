import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Auth } from './auth/auth'
import HomePage from './pages/HomePage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    requiresAuth?: boolean
    /** A realm role the person must have; the API refuses the calls anyway, this spares a page of errors. */
    requiresRole?: string
    /** Tables and dashboards use the width of a computer screen. */
    wide?: boolean
  }
}

// Each page is its own chunk: a member never downloads the management pages or chart.js.
const admin: RouteRecordRaw[] = [
  { path: '', redirect: '/gestion/adherents' },
  { path: 'adherents', component: () => import('./pages/admin/MembersPage.vue') },
  { path: 'adherents/nouveau', component: () => import('./pages/admin/MemberCreatePage.vue') },
  { path: 'adherents/:memberId', component: () => import('./pages/admin/MemberDetailPage.vue'), props: true },
  { path: 'foyers', component: () => import('./pages/admin/HouseholdsPage.vue') },
  { path: 'foyers/:householdId', component: () => import('./pages/admin/HouseholdAdminPage.vue'), props: true },
  { path: 'adhesions/:membershipId', component: () => import('./pages/admin/MembershipAdminPage.vue'), props: true },
  { path: 'baremes', component: () => import('./pages/admin/ScalesPage.vue') },
  { path: 'baremes/nouveau', component: () => import('./pages/admin/ScaleEditPage.vue') },
  { path: 'baremes/:scaleId', component: () => import('./pages/admin/ScaleEditPage.vue'), props: true },
  { path: 'fournisseurs', component: () => import('./pages/admin/SuppliersPage.vue') },
  { path: 'fournisseurs/:supplierId/import', component: () => import('./pages/admin/PriceListImportPage.vue'), props: true },
  { path: 'stock-bas', component: () => import('./pages/admin/LowStockPage.vue') },
  { path: 'pertes', component: () => import('./pages/admin/LossesPage.vue') },
  { path: 'saisie-stock', component: () => import('./pages/admin/StockEntryPage.vue') },
  { path: 'statistiques', component: () => import('./pages/admin/StatsPage.vue') },
]

export function createAppRouter(auth: Auth) {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      { path: '/', component: HomePage },
      { path: '/catalogue', component: () => import('./pages/CataloguePage.vue') },
      { path: '/compte', component: () => import('./pages/AccountPage.vue'), meta: { requiresAuth: true } },
      { path: '/adhesion', component: () => import('./pages/MembershipPage.vue'), meta: { requiresAuth: true } },
      {
        path: '/gestion',
        component: () => import('./pages/admin/AdminPage.vue'),
        meta: { requiresAuth: true, requiresRole: 'admin', wide: true },
        children: admin,
      },
      { path: '/acces-reserve', component: () => import('./pages/ForbiddenPage.vue') },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
    // A new page starts at its top; a new search on the same page stays where the person is.
    scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
  })

  router.beforeEach(async (to) => {
    if (to.meta.requiresAuth && !auth.authenticated.value) {
      // Keycloak leaves the SPA and comes back to the page that was asked for.
      await auth.login(new URL(router.resolve(to).href, location.origin).href)
      return false
    }
    if (to.meta.requiresRole && !auth.hasRole(to.meta.requiresRole)) return { path: '/acces-reserve', replace: true }
    return true
  })

  return router
}
