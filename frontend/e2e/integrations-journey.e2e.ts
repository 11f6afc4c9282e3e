import { createServer } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage } from './axe'
import { baseUrl, openBrowser, signIn, signOut } from './browser'
import { orderTwoProducts } from './driveMember'
import { mailTo } from './maildev'
import { startTillSync, type TillSync } from './tillSync'

// The whole of issue 11 as people meet it: camille (admin) creates an integration client and a
// webhook in the SPA; the example till (examples/till-sync, a client generated from the
// contract) reads the catalogue and records a reception with that client, and listens for the
// webhook; rémi orders; his confirmation arrives in the mail catcher, and the till receives the
// signed order.placed. Needs the stack of scripts/e2e.sh (MailDev, the till built).

let browser: Browser
let page: Page
let till: TillSync | undefined

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  till?.stop()
  await browser?.close()
})

/** A port nobody listens on, for the till's webhook receiver. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function openIntegrations(page: Page) {
  await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
  await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Intégrations' }).click()
  await page.getByRole('heading', { name: 'Intégrations', level: 1 }).waitFor()
}

/** Reads the secret the dialog shows once (and what it lists beside it), then closes it. */
async function readSecret(page: Page, title: string) {
  const dialog = page.getByRole('dialog', { name: title })
  await dialog.getByText('il ne sera plus jamais affiché').waitFor()
  const secret = await dialog.getByTestId('shown-secret').inputValue()
  const details = await dialog.locator('dd').allTextContents()
  await dialog.getByRole('button', { name: "J'ai copié le secret" }).click()
  return { secret, details }
}

describe('What happens is told', () => {
  it('camille connects the till, rémi orders, his mail arrives and the till gets the signed order.placed', async () => {
    const { apiBaseUrl } = (await (await fetch(`${baseUrl}/config.json`)).json()) as { apiBaseUrl: string }
    const port = await freePort()
    const receiver = `http://127.0.0.1:${port}/`

    await signIn(page, 'camille', 'demo-camille')
    await openIntegrations(page)
    const name = `Caisse du local ${Date.now().toString(36)}`
    await page.locator('#client-name').fill(name)
    await page.getByLabel('catalog:read — lire le catalogue').check()
    await page.getByLabel('stock:write — enregistrer des mouvements de stock').check()
    await page.getByRole('button', { name: 'Créer le client' }).click()
    const client = await readSecret(page, `Secret de « ${name} »`)
    const [clientId, tokenUrl] = client.details as [string, string]

    await page.locator('#webhook-url').fill(receiver)
    // The MultiSelect opens from its box; its input is hidden under the label.
    await page.locator('.p-multiselect').filter({ has: page.locator('#webhook-events') }).click()
    await page.getByRole('option', { name: /^order\.placed/ }).click()
    await page.keyboard.press('Escape')
    await page.locator('#webhook-description').fill('Caisse : commandes du drive')
    await page.getByRole('button', { name: 'Enregistrer le webhook' }).click()
    const webhook = await readSecret(page, `Secret de signature de ${receiver}`)
    expect(webhook.secret).toMatch(/^whsec_/)
    await checkPage(page, 'integrations')

    till = startTillSync({
      PANIER_API_URL: apiBaseUrl,
      PANIER_TOKEN_URL: tokenUrl,
      PANIER_CLIENT_ID: clientId,
      PANIER_CLIENT_SECRET: client.secret,
      PANIER_WEBHOOK_SECRET: webhook.secret,
      TILL_PORT: String(port),
      TILL_PRODUCT: 'Miel de fleurs',
    })
    await till.waitFor((line) => line.step === 'listening')
    const catalogue = await till.waitFor((line) => line.step === 'catalogue' || line.step === 'error')
    expect(catalogue.step, JSON.stringify(till.lines)).toBe('catalogue')
    expect(catalogue.products).toBeGreaterThan(0)
    const stock = await till.waitFor((line) => line.step === 'stock' || line.step === 'error')
    expect(stock, JSON.stringify(till.lines)).toMatchObject({ step: 'stock', product: 'Miel de fleurs', movement: 'RECEPTION' })
    // A request that is not signed with the webhook's secret is turned away by the till.
    const forged = await fetch(receiver, { method: 'POST', body: '{"type":"order.placed"}' })
    expect(forged.status).toBe(401)
    await signOut(page)

    await signIn(page, 'remi', 'demo-remi')
    const order = await orderTwoProducts(page, 'Miel de fleurs', 'Pommes Reinette', 'first')
    const number = Number(order.title.replace(/\D/g, ''))
    await signOut(page)

    const mail = await mailTo('remi@panier.example', new RegExp(`^Commande n° ${number} confirmée$`))
    expect(mail.text).toContain('Miel de fleurs')
    expect(mail.text).toContain('Total')
    const told = await till.waitFor(
      (line) => line.step === 'webhook' && line.type === 'order.placed' && (line.data as { number?: number }).number === number,
    )
    expect(told.verified).toBe(true)

    // The admins see both sides: the mail sent, and the webhook's delivery log.
    await signIn(page, 'camille', 'demo-camille')
    await page.goto(`${baseUrl}/gestion/courriels?statut=SENT`)
    await page.getByRole('heading', { name: 'Courriels', level: 1 }).waitFor()
    await page.getByRole('row').filter({ hasText: 'Rémi' }).filter({ hasText: 'Commande confirmée' }).first().waitFor()
    await checkPage(page, 'mails')
  })
})
