import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AdminDashboard } from '../../features/dashboard/model'
import { instantOf } from '../../features/drive-admin/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const slotId = 'd0000000-0000-4000-8000-000000000001'
const membershipId = 'e0000000-0000-4000-8000-000000000002'
const memberId = 'a0000000-0000-4000-8000-000000000003'
const supplierId = 'b0000000-0000-4000-8000-000000000004'
const productId = 'c0000000-0000-4000-8000-000000000005'

/** A Wednesday with work at the pickup and something in every area. */
const busy: AdminDashboard = {
  generatedAt: instantOf('2026-12-02', '08:15'),
  pickups: {
    today: '2026-12-02',
    tomorrow: '2026-12-03',
    slots: [
      {
        id: slotId,
        place: 'Local de la coop',
        startsAt: instantOf('2026-12-02', '17:00'),
        endsAt: instantOf('2026-12-02', '19:00'),
        capacity: 30,
        toPrepare: 12,
        prepared: 5,
        pickedUp: 0,
      },
    ],
  },
  memberships: {
    count: 4,
    items: [
      {
        membershipId,
        householdId: 'f0000000-0000-4000-8000-000000000006',
        householdName: 'Foyer Martin',
        periodStart: '2026-11-20',
        leftToPayCents: 2000,
        currency: 'EUR',
        createdAt: instantOf('2026-11-20', '18:02'),
      },
    ],
  },
  lowStock: {
    count: 1,
    items: [{ productId, name: 'Miel de lavande', unit: 'KG', available: 1.5, lowStockThreshold: 4 }],
  },
  priceListImports: {
    count: 1,
    items: [{ importId: 'b1000000-0000-4000-8000-000000000007', supplierId, supplierName: 'Ferme des Lilas', fileName: 'tarifs.csv', startedAt: instantOf('2026-12-01', '10:00') }],
  },
  webhooks: {
    count: 1,
    items: [{ webhookId: 'b2000000-0000-4000-8000-000000000008', url: 'https://caisse.example.org/hooks', description: 'Caisse du local', enabled: false, failingSince: null }],
  },
  mails: {
    count: 1,
    since: instantOf('2026-11-25', '08:15'),
    items: [
      {
        deliveryId: 'b3000000-0000-4000-8000-000000000009',
        eventType: 'order.placed',
        memberId,
        memberName: 'Alice Martin',
        occurredAt: instantOf('2026-12-01', '12:30'),
        attempts: 12,
        lastError: '550 boîte pleine',
      },
    ],
  },
  understaffedShifts: {
    count: 2,
    until: instantOf('2026-12-05', '08:15'),
    items: [
      {
        shiftId: 'b4000000-0000-4000-8000-000000000010',
        task: 'accueil',
        place: 'Local de la coop',
        startsAt: instantOf('2026-12-03', '17:00'),
        endsAt: instantOf('2026-12-03', '19:00'),
        seats: 3,
        freeSeats: 2,
        standInsWanted: 0,
      },
      {
        shiftId: 'b4000000-0000-4000-8000-000000000011',
        task: 'préparation du drive',
        place: 'Local de la coop',
        startsAt: instantOf('2026-12-04', '14:00'),
        endsAt: instantOf('2026-12-04', '17:00'),
        seats: 2,
        freeSeats: 1,
        standInsWanted: 1,
      },
    ],
  },
}

const quiet: AdminDashboard = {
  ...busy,
  pickups: { ...busy.pickups, slots: [] },
  memberships: { count: 0, items: [] },
  lowStock: { count: 0, items: [] },
  priceListImports: { count: 0, items: [] },
  webhooks: { count: 0, items: [] },
  mails: { ...busy.mails, count: 0, items: [] },
  understaffedShifts: { ...busy.understaffedShifts, count: 0, items: [] },
}

function serve(dashboard: AdminDashboard) {
  server.use(http.get(api('/admin/dashboard'), () => HttpResponse.json(dashboard)))
}

async function open() {
  const wrapper = await renderApp('/gestion')
  await vi.waitFor(() => expect(wrapper.findAll('.dashboard-card')).toHaveLength(7), { timeout: 5000 })
  return wrapper
}

const card = (wrapper: Awaited<ReturnType<typeof renderApp>>, area: string) => wrapper.get(`[data-area="${area}"]`)
const links = (wrapper: Awaited<ReturnType<typeof renderApp>>, area: string) =>
  card(wrapper, area).findAll('a').map((a) => a.attributes('href'))

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the admins’ dashboard', () => {
  it('is where the management area opens, first in its navigation', async () => {
    serve(busy)
    const wrapper = await open()

    expect(wrapper.vm.$route.path).toBe('/gestion')
    expect(wrapper.get('h1').text()).toBe('Tableau de bord')
    const nav = wrapper.get('nav[aria-label="Gestion"]')
    expect(nav.findAll('a')[0].text()).toBe('Tableau de bord')
    expect(nav.findAll('a.router-link-exact-active').map((a) => a.text())).toEqual(['Tableau de bord'])
  })

  it('shows each area with how many need attention, the few rows and the screen where to deal with them', async () => {
    serve(busy)
    const wrapper = await open()

    const pickups = card(wrapper, 'pickups')
    expect(pickups.text()).toContain('12 paniers à préparer.')
    expect(pickups.text()).toContain('Aujourd’hui, mercredi 2 décembre 2026'.replace('’', "'"))
    expect(pickups.text()).toContain('17:00–19:00 · Local de la coop')
    expect(pickups.text()).toContain('À préparer : 12 · Préparés : 5 · Remis : 0')
    expect(pickups.text()).toContain('Demain, jeudi 3 décembre 2026')
    expect(pickups.text()).toContain('Aucun créneau.')
    expect(links(wrapper, 'pickups')).toEqual([`/gestion/commandes?creneau=${slotId}`, '/gestion/retrait'])

    expect(plain(card(wrapper, 'memberships').text())).toContain('4 adhésions attendent leur paiement.')
    expect(plain(card(wrapper, 'memberships').text())).toContain('Foyer Martinreste 20,00 € · depuis le')
    expect(links(wrapper, 'memberships')).toEqual([`/gestion/adhesions/${membershipId}`, '/gestion/foyers'])

    expect(card(wrapper, 'lowStock').text()).toContain('1 produit sous son seuil d’alerte.'.replace('’', "'"))
    expect(card(wrapper, 'lowStock').text()).toContain('Disponible : 1,5 kg · Seuil : 4 kg')
    expect(links(wrapper, 'lowStock')).toEqual([`/gestion/produits/${productId}`, '/gestion/stock-bas'])

    expect(card(wrapper, 'imports').text()).toContain('Ferme des Lilas')
    expect(links(wrapper, 'imports')).toEqual([`/gestion/fournisseurs/${supplierId}/import`, '/gestion/fournisseurs'])

    expect(card(wrapper, 'webhooks').text()).toContain('1 webhook ne répond plus.')
    expect(card(wrapper, 'webhooks').text()).toContain('Caisse du localdésactivé')
    expect(links(wrapper, 'webhooks')).toEqual(['/gestion/integrations', '/gestion/integrations'])

    expect(card(wrapper, 'mails').text()).toContain('Alice Martincommande passée')
    expect(links(wrapper, 'mails')).toEqual([`/gestion/adherents/${memberId}`, '/gestion/courriels'])

    const understaffed = card(wrapper, 'understaffed')
    expect(understaffed.text()).toContain('Créneaux de bénévolat à pourvoir')
    expect(understaffed.text()).toContain("2 créneaux manquent de monde d'ici 3 jours.")
    expect(plain(understaffed.text())).toMatch(/accueil.*2 places libres sur 3/)
    expect(plain(understaffed.text())).toMatch(/préparation du drive.*1 place libre sur 2 · 1 remplaçant cherché/)
    expect(links(wrapper, 'understaffed')).toEqual(['/benevolat', '/benevolat', '/benevolat'])

    const attention = wrapper.findAll('.dashboard-card.attention').map((c) => c.attributes('data-area'))
    expect(attention).toEqual(['pickups', 'memberships', 'lowStock', 'imports', 'webhooks', 'mails', 'understaffed'])
  })

  it('says when all is well, and marks no card', async () => {
    serve(quiet)
    const wrapper = await open()

    expect(card(wrapper, 'pickups').text()).toContain('Aucun panier à préparer.')
    expect(card(wrapper, 'memberships').text()).toContain("Aucune adhésion n'attend de paiement.")
    expect(card(wrapper, 'webhooks').text()).toContain('Tous les webhooks répondent.')
    expect(card(wrapper, 'mails').text()).toContain('Aucun courriel en échec ces 7 derniers jours.')
    expect(card(wrapper, 'understaffed').text()).toContain("Aucun créneau ne manque de monde d'ici 3 jours.")
    expect(wrapper.findAll('.dashboard-card.attention')).toHaveLength(0)
  })

  it('says so when it cannot be read', async () => {
    server.use(http.get(api('/admin/dashboard'), () => problem(500)))
    const wrapper = await renderApp('/gestion')

    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true), { timeout: 5000 })
    expect(wrapper.findAll('.dashboard-card')).toHaveLength(0)
  })

  it('is in English too', async () => {
    localStorage.setItem('panier.locale', 'en')
    serve(busy)
    const wrapper = await open()

    expect(wrapper.get('h1').text()).toBe('Dashboard')
    expect(card(wrapper, 'memberships').text()).toContain('4 memberships await payment.')
    expect(card(wrapper, 'mails').text()).toContain('Alice Martinorder placed')
    expect(plain(card(wrapper, 'understaffed').text())).toContain('1 free seat of 2 · 1 stand-in wanted')
  })
})
