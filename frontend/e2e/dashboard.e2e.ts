import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage } from './axe'
import { openBrowser, signIn } from './browser'

// Needs the SPA, the backend with the demo data and Keycloak with the demo realm. The figures
// depend on what the other tests did; this one checks the cards are there and lead somewhere.

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

const cards = ['pickups', 'memberships', 'lowStock', 'imports', 'webhooks', 'mails']

describe("The admins' dashboard", () => {
  it('opens the management area, one card per area, stacked on a phone and side by side on a laptop', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await signIn(page, 'camille', 'demo-camille')
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor()
    for (const area of cards) await page.locator(`[data-area="${area}"]`).waitFor()
    const first = (await page.locator('[data-area="pickups"]').boundingBox())!
    const second = (await page.locator('[data-area="memberships"]').boundingBox())!
    expect(second.y).toBe(first.y)
    await checkPage(page, 'dashboard-laptop')

    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('[data-area="mails"]').waitFor()
    const stacked = await Promise.all(cards.map(async (area) => (await page.locator(`[data-area="${area}"]`).boundingBox())!))
    for (const box of stacked) expect(box.width).toBeLessThanOrEqual(390)
    expect(stacked.map((box) => box.y)).toEqual([...stacked.map((box) => box.y)].sort((a, b) => a - b))
    expect(new Set(stacked.map((box) => box.x)).size).toBe(1)
    await checkPage(page, 'dashboard-phone')

    await page.locator('[data-area="lowStock"]').getByRole('link', { name: 'Voir le stock bas' }).click()
    await page.getByRole('heading', { name: 'Stock bas', level: 1 }).waitFor()
  })
})
