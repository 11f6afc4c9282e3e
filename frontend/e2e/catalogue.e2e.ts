import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, openBrowser, screenshots, signIn, signOut } from './browser'
import { checkPage } from './axe'

// Needs the SPA, the backend with the demo data (the supplier "Biocoop Grossiste Centre" and the
// categories "Épicerie" > "Pâtes et riz") and Keycloak with the demo realm.

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

describe('Catalogue', () => {
  it("imports a supplier's price list as camille, then a visitor finds the product without accents", async () => {
    const tag = Math.random().toString(36).slice(2, 8)
    const reference = `E2E-${tag}`
    const name = `Pâtes à l'épeautre ${tag}`
    const csv = `Référence fournisseur;Nom;Prix TTC;Catégorie\n${reference};${name};3,10;Pâtes et riz\n`

    await signIn(page, 'camille', 'demo-camille')
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Fournisseurs' }).click()
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

    await signOut(page)
    await page.goto(`${baseUrl}/catalogue`)
    await page.getByRole('heading', { name: 'Catalogue', level: 1 }).waitFor()
    await page.getByRole('searchbox', { name: 'Rechercher un produit' }).fill(`pates a l'epeautre ${tag}`)
    // The catalogue first lists every product, the new one among them: wait for the search's answer.
    await expect.poll(() => page.locator('article').count(), { timeout: 15_000 }).toBe(1)
    const card = page.locator('article', { hasText: name })
    await card.waitFor()
    expect((await card.textContent())?.replace(/[\u00a0\u202f]/g, ' ')).toContain('3,10 €')
    await checkPage(page, 'catalogue')
  })
})
