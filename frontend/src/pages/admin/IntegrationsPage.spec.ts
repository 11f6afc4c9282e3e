import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { IntegrationClient, Webhook, WebhookDelivery } from '../../features/integrations/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api } from '../../test/http'
import { click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const till: IntegrationClient = {
  id: 'e0000000-0000-4000-8000-000000000001',
  name: 'Caisse du local',
  clientId: 'integration-caisse-du-local-3fa9c1',
  scopes: ['catalog:read'],
  budgetPerMinute: 600,
  enabled: true,
  createdAt: '2026-12-01T10:00:00Z',
}

const hook: Webhook = {
  id: 'f0000000-0000-4000-8000-000000000001',
  url: 'https://compta.example.org/panier',
  eventTypes: ['order.placed'],
  description: 'Comptabilité',
  enabled: false,
  createdAt: '2026-11-01T10:00:00Z',
  failingSince: '2026-11-28T10:00:00Z',
}

const failed: WebhookDelivery = {
  id: 'a1000000-0000-4000-8000-000000000001',
  eventId: 'a2000000-0000-4000-8000-000000000001',
  eventType: 'order.placed',
  status: 'PENDING',
  attempts: 3,
  nextAttemptAt: '2026-12-01T12:00:00Z',
  lastStatus: 503,
  lastDurationMs: 120,
  lastExcerpt: 'Service Unavailable',
}

function serve(clients: IntegrationClient[], webhooks: Webhook[]) {
  server.use(
    http.get(api('/integration-clients'), () => HttpResponse.json({ items: clients })),
    http.get(api('/webhooks'), () => HttpResponse.json({ items: webhooks })),
    http.get(api('/webhooks/:id/deliveries'), () => HttpResponse.json({ items: [failed] })),
  )
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

// The first render loads the page's tables, dialog and multi-select: slow on a busy machine.
describe("the admins' integrations", { timeout: 20_000 }, () => {
  it('creates an integration client with the scopes chosen and shows its secret once, with a warning', async () => {
    serve([], [])
    let sent: unknown
    server.use(
      http.post(api('/integration-clients'), async ({ request }) => {
        sent = await request.json()
        serve([till], [])
        return HttpResponse.json(
          { client: till, secret: 's3cr3t-shown-once', tokenUrl: 'http://localhost:8180/realms/panier/protocol/openid-connect/token' },
          { status: 201 },
        )
      }),
    )
    const wrapper = await renderApp('/gestion/integrations')
    expect(wrapper.get('[data-testid="integration-clients"]').text()).toContain("Aucun client d'intégration")

    await wrapper.get('input#client-name').setValue(' Caisse du local ')
    await wrapper.get('input#client-scope-catalog\\:read').setValue(true)
    await click(wrapper, 'Créer le client')

    expect(sent).toEqual({ name: 'Caisse du local', scopes: ['catalog:read'], budgetPerMinute: 600 })
    const dialog = document.body.querySelector('[role="dialog"]')!
    expect(dialog.textContent).toContain('il ne sera plus jamais affiché')
    expect(dialog.textContent).toContain('integration-caisse-du-local-3fa9c1')
    expect(document.body.querySelector<HTMLInputElement>('[data-testid="shown-secret"]')!.value).toBe('s3cr3t-shown-once')
    expect(wrapper.get('[data-testid="integration-clients"]').text()).toContain('Caisse du local')

    const done = Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent?.includes("J'ai copié le secret"))!
    done.click()
    await flushPromises()
    expect(document.body.querySelector('[data-testid="shown-secret"]')).toBeNull()
  })

  it('refuses a client without a name or a scope before asking the server', async () => {
    serve([], [])
    let asked = false
    server.use(http.post(api('/integration-clients'), () => ((asked = true), HttpResponse.json({}, { status: 500 }))))
    const wrapper = await renderApp('/gestion/integrations')

    await click(wrapper, 'Créer le client')

    expect(asked).toBe(false)
    expect(wrapper.get('#client-name-error').text()).toBe('Donnez-lui un nom.')
    expect(wrapper.text()).toContain('Choisissez au moins un scope.')
  })

  it('disables a client and gives it a new secret', async () => {
    serve([till], [])
    let change: unknown
    server.use(
      http.patch(api('/integration-clients/:id'), async ({ request }) => {
        change = await request.json()
        serve([{ ...till, enabled: false }], [])
        return HttpResponse.json({ ...till, enabled: false })
      }),
      http.post(api('/integration-clients/:id/secret'), () =>
        HttpResponse.json({ client: till, secret: 'n3w-s3cr3t', tokenUrl: 'http://localhost:8180/token' }),
      ),
    )
    const wrapper = await renderApp('/gestion/integrations')

    await click(wrapper, 'Désactiver')
    expect(change).toEqual({ enabled: false })
    expect(wrapper.get('[data-testid="integration-clients"]').text()).toContain('Désactivé')

    await click(wrapper, 'Nouveau secret')
    expect(document.body.querySelector<HTMLInputElement>('[data-testid="shown-secret"]')!.value).toBe('n3w-s3cr3t')
  })

  it("shows a disabled webhook's failures and delivery log, replays a delivery, enables it again and sends a test event", async () => {
    serve([], [hook])
    const calls: string[] = []
    server.use(
      http.post(api('/webhooks/:id/deliveries/:deliveryId/replay'), ({ params }) => {
        calls.push(`replay ${params.deliveryId}`)
        return HttpResponse.json(failed, { status: 202 })
      }),
      http.patch(api('/webhooks/:id'), async ({ request }) => {
        calls.push(`patch ${JSON.stringify(await request.json())}`)
        serve([], [{ ...hook, enabled: true, failingSince: null }])
        return HttpResponse.json({ ...hook, enabled: true, failingSince: null })
      }),
      http.post(api('/webhooks/:id/test'), () => {
        calls.push('test')
        return HttpResponse.json({ ...failed, eventType: 'webhook.test', attempts: 0 }, { status: 202 })
      }),
    )
    const wrapper = await renderApp('/gestion/integrations')
    const row = wrapper.get('[data-testid="webhooks"]')
    expect(row.text()).toContain('Désactivé')
    expect(row.text()).toContain('En échec depuis le')
    expect(wrapper.findAll('button').some((b) => b.text() === 'Envoyer un événement de test')).toBe(false)

    await click(wrapper, 'Journal des envois')
    const log = wrapper.get('[data-testid="webhook-deliveries"]').text()
    expect(log).toContain('order.placed')
    expect(log).toContain('En attente')
    expect(log).toContain('3 essais')
    expect(log).toContain('HTTP 503')
    expect(log).toContain('120 ms')
    expect(log).toContain('Service Unavailable')

    await click(wrapper, 'Renvoyer')
    await click(wrapper, 'Réactiver')
    expect(wrapper.get('[data-testid="webhooks"]').text()).toContain('Actif')
    await click(wrapper, 'Envoyer un événement de test')

    expect(calls).toEqual([`replay ${failed.id}`, 'patch {"enabled":true}', 'test'])
    expect(document.body.textContent).toContain('Événement de test envoyé')
  })
})
