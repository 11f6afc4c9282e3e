import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, openBrowser, screenshots, signIn, signOut } from './browser'

// Needs the SPA, the backend with the demo data (remi, A-0002, référent of "Confiture de
// fraises") and Keycloak with the demo realm, where remi has the realm role "referent".

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

/** Intl's French formats use no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()

describe('A référent', () => {
  it('remi changes the price of one of his products in "Mes produits", and the catalogue shows it', async () => {
    const cents = 500 + Math.floor(Math.random() * 99) + 1
    const price = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`

    await signIn(page, 'remi', 'demo-remi')
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('heading', { name: 'Mes produits' }).waitFor()
    // A référent is offered his own screens only, not the admins'.
    const sections = await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link').allTextContents()
    expect(sections.map((s) => s.trim())).toEqual(['Mes produits', 'Saisie de stock', 'Stock bas', 'Pertes', 'Heures à valider'])

    await page.getByRole('row').filter({ hasText: 'Confiture de fraises' }).getByRole('link', { name: 'Prix et disponibilité' }).click()
    await page.getByRole('heading', { name: 'Confiture de fraises' }).waitFor()
    await page.locator('#product-price').fill(price)
    await page.locator('#product-price').press('Tab')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByText('Produit enregistré').waitFor()
    expect(plain(await page.locator('#product-price').inputValue())).toBe(`${price} €`)
    await page.screenshot({ path: `${screenshots}referent-product.png`, fullPage: true })

    await signOut(page)
    await page.goto(`${baseUrl}/catalogue`)
    await page.getByRole('searchbox', { name: 'Rechercher un produit' }).fill('confiture de fraises')
    const card = page.locator('article', { hasText: 'Confiture de fraises' })
    await expect.poll(async () => plain(await card.textContent()), { timeout: 15_000 }).toContain(`${price} € / pièce`)
  })
})
