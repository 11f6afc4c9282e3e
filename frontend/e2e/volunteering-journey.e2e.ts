import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage } from './axe'
import { openBrowser, signIn, signOut } from './browser'

// The whole of issue 12 as a co-op lives it on one day: camille (admin) publishes a door shift
// starting in a few minutes; alice signs up; rémi signs up, cannot come after all and asks for a
// stand-in; bruno takes his seat. Once the shift has begun, camille marks alice present on the
// attendance sheet (on a tablet), and alice sees the hours credited to her household and her
// household back « à jour ».

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

const phone = { width: 390, height: 844 }
const tablet = { width: 820, height: 1180 }
const region = (page: Page, name: string) => page.getByRole('region', { name })

/** The shift's day and hours as the browser reads them: starting at the next minute + `minutes`, lasting two hours. */
async function soon(page: Page, minutes: number) {
  return page.evaluate((ahead) => {
    const start = new Date(Date.now() + ahead * 60_000)
    start.setSeconds(0, 0)
    // A shift never runs over midnight here: one starting late ends at 23:59.
    const end = new Date(Math.min(start.getTime() + 2 * 3_600_000, new Date(start).setHours(23, 59, 0, 0)))
    const pad = (n: number) => String(n).padStart(2, '0')
    const time = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`
    const day = `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`
    return { day, from: time(start), to: time(end), startsAt: start.getTime() }
  }, minutes)
}

async function openShifts(page: Page) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Bénévolat' }).click()
  await page.getByRole('heading', { name: 'Bénévolat', level: 1 }).waitFor()
}

/** The card of today's door shift at `from`, among those to take or the member's own. */
const card = (page: Page, list: string, from: string) =>
  region(page, list).locator('article').filter({ hasText: 'accueil' }).filter({ hasText: `${from} –` })

describe('A day of volunteering', () => {
  it('alice and rémi sign up, bruno stands in for rémi, camille marks alice present and alice sees her hours', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await signIn(page, 'camille', 'demo-camille')
    const shift = await soon(page, 4)
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Créneaux de bénévolat' }).click()
    await page.getByRole('heading', { name: 'Créneaux de bénévolat', level: 1 }).waitFor()
    await page.getByLabel('Tâche').click()
    await page.getByRole('option', { name: 'accueil', exact: true }).click()
    await page.locator('#shift-form-place').fill('Local de la coop, 12 rue des Halles')
    await page.locator('#shift-form-day').fill(shift.day)
    await page.locator('#shift-form-from').fill(shift.from)
    await page.locator('#shift-form-to').fill(shift.to)
    await page.locator('#shift-form-seats').fill('3')
    await page.getByRole('button', { name: 'Publier le créneau' }).click()
    await page.getByText('Créneau publié : accueil').waitFor()
    await signOut(page)

    // alice, on her phone, before her hours are credited.
    await page.setViewportSize(phone)
    await signIn(page, 'alice', 'demo-alice')
    await page.goto(new URL('/mes-heures', page.url()).href)
    await page.getByRole('heading', { name: 'Mes heures', level: 1 }).waitFor()
    // The demo's Martins did 4 h of last month's 6: they are behind, and told what brings them back.
    const standing = page.getByTestId('standing')
    await expect.poll(() => standing.locator('.p-tag').textContent()).toMatch(/^(En alerte|Suspendu)$/)
    expect(await standing.locator('.sentence').textContent()).toContain('2 h')
    const balanceBefore = await page.getByTestId('figures').locator('li').first().textContent()
    await openShifts(page)
    await card(page, 'Créneaux à prendre', shift.from).getByRole('button', { name: "Je m'inscris" }).click()
    await card(page, 'Mes créneaux', shift.from).getByText('Inscrit·e', { exact: true }).waitFor()
    await signOut(page)

    // rémi signs up, then cannot come: within 48 hours, he asks for a stand-in instead.
    await signIn(page, 'remi', 'demo-remi')
    await openShifts(page)
    await card(page, 'Créneaux à prendre', shift.from).getByRole('button', { name: "Je m'inscris" }).click()
    const remis = card(page, 'Mes créneaux', shift.from)
    await remis.getByRole('button', { name: 'Je cherche un remplaçant' }).click()
    await remis.getByText('Remplaçant cherché').waitFor()
    await checkPage(page, 'volunteering-stand-in-asked')
    await signOut(page)

    // bruno takes the seat rémi offers.
    await signIn(page, 'bruno', 'demo-bruno')
    await openShifts(page)
    const offered = card(page, 'Créneaux à prendre', shift.from)
    await offered.getByText('1 bénévole cherche un remplaçant').waitFor()
    await offered.getByRole('button', { name: 'Remplacer' }).click()
    await card(page, 'Mes créneaux', shift.from).getByText('Inscrit·e', { exact: true }).waitFor()
    await signOut(page)

    // rémi is released: the shift is no longer his.
    await signIn(page, 'remi', 'demo-remi')
    await openShifts(page)
    await expect.poll(() => card(page, 'Mes créneaux', shift.from).count()).toBe(0)
    await signOut(page)

    // Once the shift has begun, camille marks who came, on a tablet.
    await page.setViewportSize(tablet)
    await signIn(page, 'camille', 'demo-camille')
    await expect.poll(() => Date.now() >= shift.startsAt, { timeout: 6 * 60_000, interval: 2_000 }).toBe(true)
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: 'Présences' }).click()
    await page.getByRole('heading', { name: 'Feuilles de présence', level: 1 }).waitFor()
    await page.getByRole('link').filter({ hasText: 'accueil' }).filter({ hasText: shift.from }).first().click()
    const attendees = page.getByTestId('attendees')
    await expect.poll(() => attendees.locator('li').count()).toBe(2)
    await page.getByRole('group', { name: 'Présence de Alice Martin' }).getByText('Présent·e').click()
    await page.getByText('Alice Martin : Présent·e').waitFor()
    await checkPage(page, 'volunteering-attendance-tablet')
    await signOut(page)

    // alice sees the shift's hours credited to her household.
    await page.setViewportSize(phone)
    await signIn(page, 'alice', 'demo-alice')
    await page.goto(new URL('/mes-heures', page.url()).href)
    await page.getByRole('heading', { name: 'Mes heures', level: 1 }).waitFor()
    await expect.poll(() => page.getByTestId('figures').locator('li').first().textContent()).not.toBe(balanceBefore)
    await expect.poll(() => page.getByTestId('standing').locator('.p-tag').textContent()).toBe('À jour')
    expect(await page.getByTestId('hours-months').textContent()).toContain('2 h')
    await checkPage(page, 'volunteering-hours-phone')
    await signOut(page)
    // The shift starts minutes after it is published, so that everyone signs up before it begins.
  }, 600_000)
})
