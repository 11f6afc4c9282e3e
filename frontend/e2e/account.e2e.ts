import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowser, signIn } from './browser'
import { checkPage } from './axe'

// Needs the SPA (npm run build && npm run preview), the backend and Keycloak with the demo realm.

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

function randomPhone(): string {
  const pairs = Array.from({ length: 4 }, () => String(Math.floor(Math.random() * 100)).padStart(2, '0'))
  return `+33 6 ${pairs.join(' ')}`
}

describe('Mon compte', () => {
  it('signs alice in with Keycloak and keeps a new phone number across a reload', async () => {
    await signIn(page, 'alice', 'demo-alice')
    await page.getByRole('link', { name: 'Mon compte' }).click()

    await page.getByText('Alice Martin').waitFor()
    expect(await page.getByTestId('member-number').textContent()).toMatch(/A-\d{4}/)

    const phone = randomPhone()
    await page.locator('#phone').fill(phone)
    // Alice's saved language preference may be English: save French so the texts below hold.
    await page.locator('#language').click()
    await page.getByRole('option', { name: 'Français' }).click()
    await page.locator('form button[type="submit"]').click()
    await page.getByText('Profil enregistré').waitFor()

    await page.reload()
    await page.getByText('Alice Martin').waitFor()
    expect(await page.locator('#phone').inputValue()).toBe(phone)

    await checkPage(page, 'account')
  })

  it('turns the day-before reminder off, and finds it off after a reload', async () => {
    await page.goto(`${page.url().split('/compte')[0]}/compte`)
    await page.getByText('Rappels par courriel').waitFor()
    const reminder = page.getByLabel('La veille de chaque retrait de commande')
    const membership = page.getByLabel("Un mois avant la fin de l'adhésion de mon foyer")
    await reminder.setChecked(false)
    await page.locator('form button[type="submit"]').click()
    await page.getByText('Profil enregistré').waitFor()

    await page.reload()
    await page.getByText('Rappels par courriel').waitFor()
    expect(await reminder.isChecked()).toBe(false)
    expect(await membership.isChecked()).toBe(true)

    // As the demo had it, for the other tests.
    await reminder.setChecked(true)
    await page.locator('form button[type="submit"]').click()
    await page.getByText('Profil enregistré').waitFor()
  })
})
