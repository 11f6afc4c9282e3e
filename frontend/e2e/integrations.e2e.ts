import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage } from './axe'
import { baseUrl, openBrowser, signIn } from './browser'

// Needs the SPA, the backend with the demo data and Keycloak with the demo realm, whose client
// panier-integrations-admin lets the backend create clients. Proves the Keycloak admin path that
// the backend tests replace: the client an admin creates in the SPA really gets tokens, with the
// scope chosen, that the API accepts; disabled, it no longer gets any.

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

/** A client-credentials token request to Keycloak, as the till would make it. */
function requestToken(tokenUrl: string, clientId: string, secret: string) {
  return fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  })
}

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>

describe('Integrations', () => {
  it('camille creates an integration client whose secret gets a real token that reads the catalogue', async () => {
    await signIn(page, 'camille', 'demo-camille')
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Intégrations' }).click()
    await page.getByRole('heading', { name: 'Intégrations', level: 1 }).waitFor()

    const name = `Caisse du local ${Date.now().toString(36)}`
    await page.locator('#client-name').fill(name)
    await page.getByLabel('catalog:read — lire le catalogue').check()
    await page.getByRole('button', { name: 'Créer le client' }).click()

    const dialog = page.getByRole('dialog', { name: `Secret de « ${name} »` })
    await dialog.getByText('il ne sera plus jamais affiché').waitFor()
    const secret = await dialog.getByTestId('shown-secret').inputValue()
    const details = await dialog.locator('dd').allTextContents()
    const [clientId, tokenUrl] = details as [string, string]
    expect(clientId).toMatch(/^integration-caisse-du-local-[a-z0-9]+-[0-9a-f]{6}$/)
    await checkPage(page, 'integrations-secret')
    await dialog.getByRole('button', { name: "J'ai copié le secret" }).click()
    await expect(dialog.isVisible()).resolves.toBe(false)

    const answer = await requestToken(tokenUrl, clientId, secret)
    expect(answer.status).toBe(200)
    const token = ((await answer.json()) as { access_token: string }).access_token
    const granted = claims(token)
    expect(String(granted.scope).split(' ')).toContain('catalog:read')
    expect(String(granted.scope).split(' ')).not.toContain('webhooks:manage')
    expect(granted.aud).toContain('panier-backend')
    expect(granted.azp).toBe(clientId)

    const { apiBaseUrl } = (await (await fetch(`${baseUrl}/config.json`)).json()) as { apiBaseUrl: string }
    const products = await fetch(`${apiBaseUrl}/api/v1/products?limit=5`, { headers: { authorization: `Bearer ${token}` } })
    expect(products.status).toBe(200)
    expect(((await products.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0)
    // Its scope opens the catalogue, not the webhooks.
    const webhooks = await fetch(`${apiBaseUrl}/api/v1/webhooks`, { headers: { authorization: `Bearer ${token}` } })
    expect(webhooks.status).toBe(403)

    const row = page.getByTestId('integration-clients').getByRole('row').filter({ hasText: name })
    await row.getByRole('button', { name: 'Désactiver' }).click()
    await row.getByText('Désactivé').waitFor()
    expect((await requestToken(tokenUrl, clientId, secret)).status).toBeGreaterThanOrEqual(400)
    const stillValid = await fetch(`${apiBaseUrl}/api/v1/products?limit=5`, { headers: { authorization: `Bearer ${token}` } })
    expect(stillValid.status).toBe(403)
  })
})
