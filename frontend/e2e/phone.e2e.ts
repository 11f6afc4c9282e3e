import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage } from './axe'
import { baseUrl, openBrowser, signIn } from './browser'

// Members order on their phone: the header takes one line, the pages sit in a tab bar at the
// bottom of the screen, within reach of a thumb. On a computer the pages stay in the top bar.

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

const tabs = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' })
const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!

describe('The layout', () => {
  it('on a 390 × 844 phone, shows the content right under a one-line header and the pages in a bottom tab bar', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await signIn(page, 'camille', 'demo-camille')
    await page.goto(`${baseUrl}/catalogue`)
    await page.getByRole('heading', { name: 'Catalogue', level: 1 }).waitFor()

    const header = await box(page, '.app-header')
    const main = await box(page, '.app-main')
    expect(header.height).toBeLessThanOrEqual(64)
    expect(main.y).toBeLessThanOrEqual(120)
    const nav = await tabs(page).boundingBox()
    expect(nav!.height).toBeLessThanOrEqual(72)
    expect(nav!.y + nav!.height).toBe(844)
    for (const name of ['Catalogue', /^Panier/, 'Mes commandes', 'Mon compte', 'Gestion']) {
      await expect.poll(() => tabs(page).getByRole('link', { name }).isVisible()).toBe(true)
    }
    await checkPage(page, 'phone-catalogue')

    await tabs(page).getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('navigation', { name: 'Gestion' }).waitFor()
    await checkPage(page, 'phone-admin')
  })

  it('on a laptop, keeps the pages in the top bar', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(`${baseUrl}/catalogue`)
    await page.getByRole('heading', { name: 'Catalogue', level: 1 }).waitFor()
    const header = await box(page, '.app-header')
    const nav = await tabs(page).boundingBox()
    expect(nav!.y + nav!.height).toBeLessThanOrEqual(header.y + header.height)
    expect(header.height).toBeLessThanOrEqual(72)
    await checkPage(page, 'laptop-catalogue')
  })
})
