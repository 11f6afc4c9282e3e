import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Auth } from './auth/auth'
import { mayOpen, type RequiredRole } from './auth/roles'
import { useDoorAccessStore } from './features/volunteering/doorAccess'
import HomePage from './pages/HomePage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    requiresAuth?: boolean
    /**
     * A realm role the person must have, or roles of which any will do; a child route narrows
     * its parent's. The API refuses the calls anyway, this spares a page of errors.
     */
    requiresRole?: RequiredRole
    /** Tables and dashboards use the width of a computer screen. */
    wide?: boolean
    /** Where those whom `requiresRole` keeps out are sent, instead of the closed door. */
    otherwise?: string
    /**
     * A member on a door shift (« préparation du drive », « accueil ») may open it too, from one
     * hour before the shift to one hour after it: a right from the shift, not from a role.
     */
    door?: boolean
  }
}

const adminOnly = { requiresRole: 'admin' }
const referentOnly = { requiresRole: 'referent' }

// Each page is its own chunk: a member never downloads the management pages or chart.js.
// Référents enter the management area for their products and the stock; the rest is the admins'.
function management(): RouteRecordRaw[] {
  return [
    // The admins' home; référents open on their products.
    { path: '', component: () => import('./pages/admin/DashboardPage.vue'), meta: { ...adminOnly, otherwise: '/gestion/mes-produits' } },
    { path: 'adherents', component: () => import('./pages/admin/MembersPage.vue'), meta: adminOnly },
    { path: 'adherents/nouveau', component: () => import('./pages/admin/MemberCreatePage.vue'), meta: adminOnly },
    { path: 'adherents/:memberId', component: () => import('./pages/admin/MemberDetailPage.vue'), props: true, meta: adminOnly },
    { path: 'foyers', component: () => import('./pages/admin/HouseholdsPage.vue'), meta: adminOnly },
    { path: 'foyers/:householdId', component: () => import('./pages/admin/HouseholdAdminPage.vue'), props: true, meta: adminOnly },
    { path: 'adhesions/:membershipId', component: () => import('./pages/admin/MembershipAdminPage.vue'), props: true, meta: adminOnly },
    { path: 'baremes', component: () => import('./pages/admin/ScalesPage.vue'), meta: adminOnly },
    { path: 'baremes/nouveau', component: () => import('./pages/admin/ScaleEditPage.vue'), meta: adminOnly },
    { path: 'baremes/:scaleId', component: () => import('./pages/admin/ScaleEditPage.vue'), props: true, meta: adminOnly },
    { path: 'produits', component: () => import('./pages/admin/ProductsPage.vue'), meta: adminOnly },
    { path: 'produits/nouveau', component: () => import('./pages/admin/ProductEditPage.vue'), meta: adminOnly },
    { path: 'produits/:productId', component: () => import('./pages/admin/ProductEditPage.vue'), props: true, meta: adminOnly },
    { path: 'fournisseurs', component: () => import('./pages/admin/SuppliersPage.vue'), meta: adminOnly },
    { path: 'fournisseurs/nouveau', component: () => import('./pages/admin/SupplierEditPage.vue'), meta: adminOnly },
    { path: 'fournisseurs/:supplierId', component: () => import('./pages/admin/SupplierEditPage.vue'), props: true, meta: adminOnly },
    { path: 'fournisseurs/:supplierId/import', component: () => import('./pages/admin/PriceListImportPage.vue'), props: true, meta: adminOnly },
    { path: 'categories', component: () => import('./pages/admin/CategoriesPage.vue'), meta: adminOnly },
    { path: 'mes-produits', component: () => import('./pages/admin/MyProductsPage.vue'), meta: referentOnly },
    { path: 'mes-produits/:productId', component: () => import('./pages/admin/MyProductEditPage.vue'), props: true, meta: referentOnly },
    { path: 'saisie-stock', component: () => import('./pages/admin/StockEntryPage.vue') },
    { path: 'stock-bas', component: () => import('./pages/admin/LowStockPage.vue') },
    { path: 'pertes', component: () => import('./pages/admin/LossesPage.vue') },
    { path: 'statistiques', component: () => import('./pages/admin/StatsPage.vue'), meta: adminOnly },
    { path: 'creneaux', component: () => import('./pages/admin/SlotsPage.vue'), meta: adminOnly },
    { path: 'commandes', component: () => import('./pages/admin/OrdersAdminPage.vue'), meta: adminOnly },
    { path: 'retrait', component: () => import('./pages/admin/PickupPage.vue'), meta: { ...adminOnly, door: true } },
    { path: 'creneaux-benevolat', component: () => import('./pages/admin/ShiftsAdminPage.vue'), meta: adminOnly },
    { path: 'courriels', component: () => import('./pages/admin/MailsPage.vue'), meta: adminOnly },
    { path: 'ventes-drive', component: () => import('./pages/admin/DriveStatsPage.vue'), meta: adminOnly },
    { path: 'integrations', component: () => import('./pages/admin/IntegrationsPage.vue'), meta: adminOnly },
    { path: 'creneaux-types', component: () => import('./pages/admin/ShiftTemplatesPage.vue'), meta: adminOnly },
    { path: 'creneaux-types/nouveau', component: () => import('./pages/admin/ShiftTemplateEditPage.vue'), meta: adminOnly },
    { path: 'creneaux-types/:templateId', component: () => import('./pages/admin/ShiftTemplateEditPage.vue'), props: true, meta: adminOnly },
    { path: 'competences', component: () => import('./pages/admin/SkillsPage.vue'), meta: adminOnly },
    // Volunteer hours: who is behind, attendance, hours to validate (référents too), exemptions, the rule.
    { path: 'benevolat', component: () => import('./pages/admin/VolunteerBalancesPage.vue'), meta: adminOnly },
    { path: 'presences', component: () => import('./pages/AttendanceSheetsPage.vue'), meta: adminOnly },
    { path: 'presences/:shiftId', component: () => import('./pages/AttendanceSheetPage.vue'), props: true, meta: adminOnly },
    { path: 'heures-a-valider', component: () => import('./pages/admin/LoggedHoursPage.vue') },
    { path: 'exemptions', component: () => import('./pages/admin/ExemptionsPage.vue'), meta: adminOnly },
    { path: 'regles-benevolat', component: () => import('./pages/admin/VolunteeringRulesPage.vue'), meta: adminOnly },
    { path: 'regles-decisions', component: () => import('./pages/admin/GovernanceRulesPage.vue'), meta: adminOnly },
  ]
}

export function createAppRouter(auth: Auth) {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      { path: '/', component: HomePage },
      { path: '/catalogue', component: () => import('./pages/CataloguePage.vue') },
      { path: '/compte', component: () => import('./pages/AccountPage.vue'), meta: { requiresAuth: true } },
      { path: '/adhesion', component: () => import('./pages/MembershipPage.vue'), meta: { requiresAuth: true } },
      { path: '/panier', component: () => import('./pages/BasketPage.vue'), meta: { requiresAuth: true } },
      { path: '/commandes', component: () => import('./pages/OrdersPage.vue'), meta: { requiresAuth: true } },
      { path: '/benevolat', component: () => import('./pages/VolunteeringPage.vue'), meta: { requiresAuth: true } },
      { path: '/mes-heures', component: () => import('./pages/HoursPage.vue'), meta: { requiresAuth: true } },
      // Self-management: one entry leading to decisions, working groups, assemblies, fundraisers and workshops.
      { path: '/coop', component: () => import('./pages/CoopPage.vue'), meta: { requiresAuth: true } },
      { path: '/cagnottes', component: () => import('./pages/FundraisersPage.vue'), meta: { requiresAuth: true } },
      { path: '/cagnottes/:fundraiserId', component: () => import('./pages/FundraiserPage.vue'), props: true, meta: { requiresAuth: true } },
      { path: '/ateliers', component: () => import('./pages/WorkshopsPage.vue'), meta: { requiresAuth: true } },
      // The co-op's public events: open to anyone, no sign-in (a guest's registration by the key of its mail).
      { path: '/evenements', component: () => import('./pages/PublicEventsPage.vue') },
      { path: '/evenements/inscription/:token', component: () => import('./pages/GuestRegistrationPage.vue'), props: true },
      { path: '/evenements/:eventId', component: () => import('./pages/PublicEventPage.vue'), props: true },
      { path: '/assemblees', component: () => import('./pages/AssembliesPage.vue'), meta: { requiresAuth: true } },
      { path: '/assemblees/:assemblyId', component: () => import('./pages/AssemblyPage.vue'), props: true, meta: { requiresAuth: true } },
      // The facilitator's live mode, on a tablet or a laptop (the API refuses other members' actions).
      {
        path: '/assemblees/:assemblyId/animation',
        component: () => import('./pages/AssemblyLivePage.vue'),
        props: true,
        meta: { requiresAuth: true, wide: true },
      },
      { path: '/decisions', component: () => import('./pages/DecisionsPage.vue'), meta: { requiresAuth: true } },
      { path: '/decisions/:proposalId', component: () => import('./pages/ProposalPage.vue'), props: true, meta: { requiresAuth: true } },
      { path: '/commissions', component: () => import('./pages/WorkingGroupsPage.vue'), meta: { requiresAuth: true } },
      { path: '/commissions/:groupId', component: () => import('./pages/WorkingGroupPage.vue'), props: true, meta: { requiresAuth: true } },
      // The sheets a member keeps as the coordinator of a shift (the API says which).
      { path: '/presences', component: () => import('./pages/AttendanceSheetsPage.vue'), meta: { requiresAuth: true } },
      { path: '/presences/:shiftId', component: () => import('./pages/AttendanceSheetPage.vue'), props: true, meta: { requiresAuth: true } },
      {
        path: '/gestion',
        component: () => import('./pages/admin/AdminPage.vue'),
        meta: { requiresAuth: true, requiresRole: ['admin', 'referent'], wide: true },
        children: management(),
      },
      { path: '/acces-reserve', component: () => import('./pages/ForbiddenPage.vue') },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
    // A new page starts at its top; a new search on the same page stays where the person is.
    scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
  })

  router.beforeEach(async (to) => {
    if (to.meta.requiresAuth && !auth.authenticated.value) {
      // Keycloak leaves the SPA and comes back to the page that was asked for, before any
      // redirect: /gestion leads to a different page once the roles are known.
      await auth.login(new URL(router.resolve((to.redirectedFrom ?? to).fullPath).href, location.origin).href)
      return false
    }
    if (mayOpen(auth, to)) return true
    // The door is asked about only for its page, and only then: most members never open it.
    if (to.matched.at(-1)?.meta.door && auth.hasRole('member') && mayOpen(auth, to, await useDoorAccessStore().openNow())) {
      return true
    }
    return { path: to.meta.otherwise ?? '/acces-reserve', replace: true }
  })

  return router
}
