import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Needs the SPA (npm run build && npm run preview), the backend and Keycloak with the demo realm.
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
    await page.goto(baseUrl)
    await page.getByRole('banner').getByRole('button', { name: 'Se connecter' }).click()

    await page.locator('#username').fill('alice')
    await page.locator('#password').fill('demo-alice')
    await page.locator('#kc-login').click()

    await page.waitForURL((url) => url.href.startsWith(baseUrl))
    await page.getByRole('banner').getByRole('button', { name: 'Se déconnecter' }).waitFor()
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

    mkdirSync(screenshots, { recursive: true })
    await page.screenshot({ path: `${screenshots}account.png`, fullPage: true })
  })
})
