import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { components } from '../src/api/schema'
import { openBrowser, signIn, signOut } from './browser'
import { orderStatus, orderTwoProducts } from './driveMember'
import { pdfText } from './pdfText'
import { checkPage } from './axe'

// Needs the SPA, the backend with the demo data (alice with an active membership, the products
// "Miel de fleurs" and "Pommes Reinette" in stock) and Keycloak with the demo realm. Camille
// publishes a slot first, so that alice has one to order for even without demo slots.

type Order = components['schemas']['Order']

let browser: Browser
let page: Page

beforeAll(async () => {
  // Chromium takes its time zone from its environment: the co-op's, as its volunteers' browsers.
  process.env.TZ = 'Europe/Paris'
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

const management = (page: Page, section: string) =>
  page.getByRole('navigation', { name: 'Gestion' }).getByRole('link', { name: section, exact: true })

/** A slot's local day and hours as this browser shows them, e.g. ["2026-12-04", "17:00–17:30"]. */
function shown(page: Page, slot: Order['slot']): Promise<[string, string]> {
  return page.evaluate(({ startsAt, endsAt }) => {
    const time = (iso: string) => new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))
    const start = new Date(startsAt)
    const pad = (n: number) => String(n).padStart(2, '0')
    return [`${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`, `${time(startsAt)}–${time(endsAt)}`]
  }, slot)
}

/**
 * A slot of 30 minutes starting in about an hour, taking orders until it starts, at a place of
 * its own: alice has no order in it whatever the other tests did. Late in the evening it moves
 * to the next morning, so that it never runs past midnight.
 */
function nextSlotTimes(page: Page): Promise<{ day: string; from: string; to: string }> {
  return page.evaluate(() => {
    const start = new Date(Math.ceil((Date.now() + 60 * 60_000) / (5 * 60_000)) * 5 * 60_000)
    if (start.getHours() >= 22) {
      start.setDate(start.getDate() + 1)
      start.setHours(9, 0, 0, 0)
    }
    const end = new Date(start.getTime() + 30 * 60_000)
    const pad = (n: number) => String(n).padStart(2, '0')
    const time = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`
    return { day: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`, from: time(start), to: time(end) }
  })
}

describe('The drive, for the admins', () => {
  it('alice orders, camille prints the preparation list and hands the basket over with its payment, alice sees "Retirée"', async () => {
    const tag = Math.random().toString(36).slice(2, 8)
    await signIn(page, 'camille', 'demo-camille')
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await management(page, 'Créneaux').click()
    await page.getByRole('heading', { name: 'Créneaux de retrait' }).waitFor()
    await page.getByRole('button', { name: 'Publier un créneau' }).click()
    const soon = await nextSlotTimes(page)
    const place = `Local de la coop, porte ${tag}`
    await page.locator('#slot-place').fill(place)
    await page.locator('#slot-day').fill(soon.day)
    await page.locator('#slot-from').fill(soon.from)
    await page.locator('#slot-to').fill(soon.to)
    await page.locator('#slot-deadline').fill(`${soon.day}T${soon.from}`)
    await page.getByRole('button', { name: 'Publier le créneau' }).click()
    await page.getByText('1 créneau publié').waitFor()
    await signOut(page)

    await signIn(page, 'alice', 'demo-alice')
    const placing = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/v1/orders' && response.request().method() === 'POST' && response.ok(),
    )
    // Should ordering fail, its own error says why; this wait ending with the browser must not add another.
    placing.catch(() => undefined)
    const placed = await orderTwoProducts(page, 'Miel de fleurs', 'Pommes Reinette', { place })
    const order = (await (await placing).json()) as Order
    expect(order.memberNumber).toBe('A-0003')
    expect(placed.title).toBe(`Commande n° ${order.number}`)
    await signOut(page)

    await signIn(page, 'camille', 'demo-camille')
    await page.getByRole('banner').getByRole('link', { name: 'Gestion' }).click()
    await management(page, 'Créneaux').click()
    await page.getByRole('heading', { name: 'Créneaux de retrait' }).waitFor()
    const [day, hours] = await shown(page, order.slot)
    const slotDay = page.locator(`[data-day="${day}"]`)
    // The weeks are shown once loaded, with their slots or saying there are none.
    const loaded = () => page.locator('[data-day]').first().or(page.getByText('Aucun créneau sur ces semaines.')).waitFor()
    await loaded()
    // Four weeks are shown at a time: the slot may be further on.
    for (let weeks = 0; weeks < 12 && !(await slotDay.isVisible()); weeks += 4) {
      const period = await page.getByTestId('period').textContent()
      await page.getByRole('button', { name: 'Semaines suivantes' }).click()
      await expect.poll(() => page.getByTestId('period').textContent()).not.toBe(period)
      await loaded()
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      slotDay.getByRole('row').filter({ hasText: place }).getByRole('button', { name: `Liste de préparation du créneau de ${hours} (PDF)` }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(new RegExp(`^preparation-${day}-\\d{2}h\\d{2}\\.pdf$`))
    const pdf = readFileSync(await download.path())
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const text = await pdfText(pdf)
    expect(text).toContain('A-0003')
    expect(text).toContain('Alice Martin')
    await checkPage(page, 'drive-slots')

    await management(page, 'Retrait').click()
    await page.getByRole('heading', { name: 'Retrait des paniers' }).waitFor()
    // The volunteer at the door holds a tablet.
    await page.setViewportSize({ width: 1024, height: 768 })
    await page.locator('#pickup-day').fill(day)
    await page.getByTestId('pickup-slots').getByRole('button', { name: new RegExp(`^${hours}( · ${place})?$`) }).click()
    await page.getByRole('searchbox', { name: 'Rechercher un adhérent' }).fill('A-0003')
    await page.locator('button.order', { hasText: 'A-0003' }).first().click()
    const basket = page.getByTestId('pickup-panel')
    await basket.getByRole('heading', { name: 'Alice Martin' }).waitFor()
    expect(await basket.getByText('Miel de fleurs').count()).toBe(1)
    expect(await basket.getByText('Pommes Reinette').count()).toBe(1)
    await basket.getByRole('button', { name: 'Espèces' }).click()
    await basket.getByRole('button', { name: 'Marquer comme retirée' }).click()
    await expect.poll(() => basket.getByTestId('order-status').textContent()).toBe('Retirée')
    await basket.getByTestId('picked-up').waitFor()
    await checkPage(page, 'drive-pickup')
    await page.setViewportSize({ width: 1280, height: 720 })
    await signOut(page)

    await signIn(page, 'alice', 'demo-alice')
    expect(await orderStatus(page, placed)).toBe('Retirée')
  })
})
