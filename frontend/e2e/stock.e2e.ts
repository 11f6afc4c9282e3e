import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowser, screenshots, signIn } from './browser'

// Needs the SPA, the backend with the demo data (the product "Riz basmati", sold by the kg, with
// stock) and Keycloak with the demo realm. No other test moves the stock of this product.

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

/** Chooses the product on the stock entry screen and reads its stock on hand, in kg. */
async function choose(name: string): Promise<number> {
  await page.locator('#stock-product').fill(name.toLowerCase())
  await page.locator('.matches').getByRole('button', { name }).click()
  return readOnHand()
}

/** The « En rayon » figure (physically in the shop), in kg. */
async function readOnHand(): Promise<number> {
  const onHand = plain(await page.getByTestId('stock-onHand').locator('dd').textContent())
  const kilos = /^([\d ,]+) kg$/.exec(onHand)
  if (!kilos) throw new Error(`Unexpected stock figure: ${onHand}`)
  return Number(kilos[1]!.replace(/ /g, '').replace(',', '.'))
}

const french = (value: number) => String(value).replace('.', ',')

describe('Stock', () => {
  it('camille records a reception then a loss, and sees the stock on hand follow', async () => {
    await signIn(page, 'camille', 'demo-camille')
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Saisie de stock' }).click()
    await page.getByRole('heading', { name: 'Saisie de stock' }).waitFor()

    const before = await choose('Riz basmati')
    await page.locator('#stock-kind').selectOption('RECEPTION')
    await page.locator('#stock-quantity').fill('12')
    await page.locator('#stock-cost').fill('3,40')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    const received = before + 12
    await page.getByText(`Riz basmati : en rayon après ce mouvement, ${french(received)} kg`).waitFor()

    expect(await choose('Riz basmati')).toBe(received)
    await page.locator('#stock-kind').selectOption('LOSS')
    await page.locator('#stock-reason').selectOption('DAMAGED')
    await page.locator('#stock-quantity').fill('2,5')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    const left = received - 2.5
    await page.getByText(`Riz basmati : en rayon après ce mouvement, ${french(left)} kg`).waitFor()
    await page.screenshot({ path: `${screenshots}stock-entry.png`, fullPage: true })

    // The products table reads the same stock from the API.
    await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Produits' }).click()
    await page.getByRole('searchbox', { name: 'Rechercher un produit' }).fill('basmati')
    await page.waitForURL(/[?&]q=basmati/)
    // The header and the one product found: the search's answer, not the whole list before it.
    await expect.poll(() => page.getByRole('row').count()).toBe(2)
    const row = page.getByRole('row').filter({ hasText: 'Riz basmati' })
    await expect.poll(async () => plain(await row.textContent())).toContain(`${french(left)} kg`)
    await page.screenshot({ path: `${screenshots}products.png`, fullPage: true })

    await row.getByRole('link', { name: 'Riz basmati' }).click()
    await page.getByRole('heading', { name: 'Riz basmati' }).waitFor()
    expect(await readOnHand()).toBe(left)
    await page.screenshot({ path: `${screenshots}product-editor.png`, fullPage: true })
  })
})
