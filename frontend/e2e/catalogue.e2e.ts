import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Needs the SPA, the backend with the demo data (the supplier "Biocoop Grossiste Centre" and the
// categories "Épicerie" > "Pâtes et riz") and Keycloak with the demo realm.
const baseUrl = (process.env.E2E_BASE_URL ?? 'http://localhost:4173').replace(/\/$/, '')
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url))

let browser: Browser
let page: Page

beforeAll(async () => {
  const reachable = await fetch(baseUrl).then(
    (response) => response.ok,
    () => false,
  )
  if (!reachable) {
    throw new Error(`The SPA does not answer at ${baseUrl}: start it (npm run build && npm run preview) or set E2E_BASE_URL.`)
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  page = await browser.newPage({ locale: 'fr-FR' })
  page.setDefaultTimeout(60_000)
  mkdirSync(screenshots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
})

const banner = () => page.getByRole('banner')

async function signIn(username: string, password: string) {
  await page.goto(baseUrl)
  await banner().getByRole('button', { name: 'Se connecter' }).click()
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(password)
  await page.locator('#kc-login').click()
  await page.waitForURL((url) => url.href.startsWith(baseUrl))
  await banner().getByRole('button', { name: 'Se déconnecter' }).waitFor()
}

async function signOut() {
  await banner().getByRole('button', { name: 'Se déconnecter' }).click()
  await banner().getByRole('button', { name: 'Se connecter' }).waitFor()
}

describe('Catalogue', () => {
  it("imports a supplier's price list as camille, then a visitor finds the product without accents", async () => {
    const tag = Math.random().toString(36).slice(2, 8)
    const reference = `E2E-${tag}`
    const name = `Pâtes à l'épeautre ${tag}`
    const csv = `Référence fournisseur;Nom;Prix TTC;Catégorie\n${reference};${name};3,10;Pâtes et riz\n`

    await signIn('camille', 'demo-camille')
    await banner().getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Catalogue' }).click()
    await page
      .getByRole('row', { name: /Biocoop Grossiste Centre/ })
      .getByRole('link', { name: 'Importer un tarif' })
      .click()
    await page.getByRole('heading', { name: 'Importer le tarif de Biocoop Grossiste Centre' }).waitFor()

    await page.locator('input[type="file"]').setInputFiles({
      name: `tarif-${tag}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf-8'),
    })
    await page.getByRole('button', { name: 'Importer', exact: true }).click()
    await page.getByText('Import terminé').waitFor()
    expect(await page.locator('.counts').textContent()).toContain('1 créé')
    await page.screenshot({ path: `${screenshots}price-list-import.png`, fullPage: true })

    await signOut()
    await page.goto(`${baseUrl}/catalogue`)
    await page.getByRole('heading', { name: 'Catalogue', level: 1 }).waitFor()
    await page.getByRole('searchbox', { name: 'Rechercher un produit' }).fill(`pates a l'epeautre ${tag}`)
    // The catalogue first lists every product, the new one among them: wait for the search's answer.
    await expect.poll(() => page.locator('article').count(), { timeout: 15_000 }).toBe(1)
    const card = page.locator('article', { hasText: name })
    await card.waitFor()
    expect((await card.textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toContain('3,10 €')
    await page.screenshot({ path: `${screenshots}catalogue.png`, fullPage: true })
  })
})
