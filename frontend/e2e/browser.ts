import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

// What every end-to-end test shares: the SPA's address, Debian's Chromium (never a downloaded
// browser), and signing in and out through the real Keycloak login page.
export const baseUrl = (process.env.E2E_BASE_URL ?? 'http://localhost:4173').replace(/\/$/, '')
export const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url))

export async function openBrowser(): Promise<{ browser: Browser; page: Page }> {
  const reachable = await fetch(baseUrl).then(
    (response) => response.ok,
    () => false,
  )
  if (!reachable) {
    throw new Error(`The SPA does not answer at ${baseUrl}: start it (npm run build && npm run preview) or set E2E_BASE_URL.`)
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Without the background-networking flags Chromium keeps calling out of this closed network.
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
  // A context of its own, not browser.newPage(): axe-core needs it to check the page's frames.
  const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage()
  page.setDefaultTimeout(60_000)
  mkdirSync(screenshots, { recursive: true })
  return { browser, page }
}

const banner = (page: Page) => page.getByRole('banner')

export async function signIn(page: Page, username: string, password: string) {
  await page.goto(baseUrl)
  await banner(page).getByRole('button', { name: 'Se connecter' }).click()
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(password)
  await page.locator('#kc-login').click()
  await page.waitForURL((url) => url.href.startsWith(baseUrl))
  await banner(page).getByRole('button', { name: 'Se déconnecter' }).waitFor()
}

export async function signOut(page: Page) {
  await banner(page).getByRole('button', { name: 'Se déconnecter' }).click()
  await banner(page).getByRole('button', { name: 'Se connecter' }).waitFor()
}
