import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage } from './axe'
import { openBrowser, signIn, signOut } from './browser'

// Issue 12 as members meet it, on their phone: alice finds a cleaning shift among those to
// take, signs up in one tap, finds it in her own shifts and gives it back.

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

const section = (page: Page, name: string) => page.getByRole('region', { name })

describe('Bénévolat', () => {
  it('alice signs up for a cleaning shift on her phone, finds it in her shifts, and withdraws', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await signIn(page, 'alice', 'demo-alice')
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Bénévolat' }).click()
    await page.getByRole('heading', { name: 'Bénévolat', level: 1 }).waitFor()
    const mine = section(page, 'Mes créneaux')
    const open = section(page, 'Créneaux à prendre')
    // Other tests may have left alice on today's door shift: only the cleaning shifts matter here.
    await open.getByLabel('Tâche').waitFor()

    await open.getByLabel('Tâche').click()
    await page.getByRole('option', { name: 'ménage' }).click()
    // The latest one, weeks ahead: giving it back is still free whatever day the test runs.
    await expect.poll(() => open.locator('article h3').allTextContents()).toEqual(['ménage', 'ménage', 'ménage'])
    const latest = open.locator('article').last()
    const when = await latest.locator('.when').textContent()
    // A double tap takes one seat: the button is busy until the answer.
    await latest.getByRole('button', { name: "Je m'inscris" }).dblclick()

    const held = mine.locator('article').filter({ hasText: when! })
    await held.getByText('Inscrit·e', { exact: true }).waitFor()
    await expect.poll(async () => (await held.getByTestId('free-seats').textContent())?.trim()).toBe('3 places libres sur 4')
    await checkPage(page, 'volunteering-phone')

    await page.reload()
    await held.waitFor()
    await held.getByRole('button', { name: 'Me désinscrire' }).click()
    await expect.poll(() => held.count()).toBe(0)
    await open.locator('article').filter({ hasText: when! }).getByRole('button', { name: "Je m'inscris" }).waitFor()
    await signOut(page)
  })
})
