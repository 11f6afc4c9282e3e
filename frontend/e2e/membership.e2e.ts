import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowser, screenshots, signIn, signOut } from './browser'
import { checkPage } from './axe'

// Needs the SPA, the backend with the demo data (a scale in force with the design's brackets)
// and Keycloak with the demo realm, fresh: bruno has no household and no membership yet.

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

/** PrimeVue's number inputs read what was typed when they lose the focus. */
async function typeNumber(id: string, value: string) {
  await page.locator(`#${id}`).fill(value)
  await page.locator(`#${id}`).press('Tab')
}

/** Intl's French formats use no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()

describe('Mon adhésion', () => {
  it('bruno joins, camille records his payment in cash, and bruno sees his membership active', async () => {
    await signIn(page, 'bruno', 'demo-bruno')
    await page.getByRole('link', { name: 'Mon adhésion' }).click()
    await page.getByText("Vous n'avez pas encore adhéré.").waitFor()

    await typeNumber('income', '1800')
    await typeNumber('adults', '2')
    await typeNumber('children', '1')
    await page.getByRole('button', { name: 'Calculer ma cotisation' }).click()
    const explanation = page.getByTestId('quote-explanation')
    await explanation.waitFor()
    // 1 + 0,5 + 0,3 = 1,8 units; 1 800 € / 1,8 = 1 000 € per unit: not under B's 1 000 €, so C.
    expect(plain(await explanation.textContent())).toContain(
      'Votre foyer compte 1,8 unité de consommation. Avec 1 800 € par mois, cela fait 1 000,00 € par unité : ' +
        'tranche C, cotisation de 40,00 € par an.',
    )

    await page.getByRole('button', { name: 'Adhérer' }).click()
    const status = page.getByTestId('membership-status')
    await expect.poll(() => status.textContent()).toBe('En attente de paiement')
    expect(plain(await page.getByTestId('left-to-pay').textContent())).toBe('40,00 €')
    await page.getByText('Foyer Moreau').first().waitFor()
    await checkPage(page, 'membership-joined')
    await signOut(page)

    await signIn(page, 'camille', 'demo-camille')
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor()
    await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Adhérents' }).click()
    await page.getByRole('heading', { name: 'Adhérents' }).waitFor()
    // The export is fetched with the bearer token, then handed to the browser as a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^adherents-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(readFileSync(await download.path(), 'utf8')).toContain('A-0004')
    await page.getByRole('searchbox', { name: 'Rechercher un adhérent' }).fill('Moreau')
    await page.waitForURL(/[?&]q=Moreau/)
    const bruno = page.getByRole('row').filter({ hasText: 'A-0004' })
    await bruno.getByRole('link', { name: 'Bruno Moreau' }).click()
    await page.getByRole('heading', { name: 'Bruno Moreau' }).waitFor()

    await page.locator('a[href^="/gestion/adhesions/"]').first().click()
    await page.getByRole('heading', { name: 'Enregistrer un paiement' }).waitFor()
    expect(plain(await page.locator('#payment-amount').inputValue())).toBe('40,00 €')
    await page.getByRole('button', { name: 'Espèces' }).click()
    await page.getByRole('button', { name: 'Enregistrer le paiement' }).click()
    await expect.poll(() => page.getByTestId('membership-status').textContent()).toBe('Adhésion active')
    await page.getByText('Paiement (espèces)').waitFor()
    await page.screenshot({ path: `${screenshots}membership-payment.png`, fullPage: true })
    await signOut(page)

    await signIn(page, 'bruno', 'demo-bruno')
    await page.getByRole('link', { name: 'Mon adhésion' }).click()
    await expect.poll(() => page.getByTestId('membership-status').textContent()).toBe('Adhésion active')
    expect(plain(await page.getByTestId('ledger-balance').textContent())).toBe('Solde : rien à payer')
    await page.screenshot({ path: `${screenshots}membership-active.png`, fullPage: true })
  })
})
