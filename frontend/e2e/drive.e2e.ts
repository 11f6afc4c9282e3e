import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowser, signIn } from './browser'
import { orderStatus, orderTwoProducts } from './driveMember'
import { checkPage } from './axe'

// Needs the SPA, the backend with the demo data (alice with an active membership, the products
// "Miel de fleurs" and "Pommes Reinette" in stock, pickup slots open in the coming weeks) and
// Keycloak with the demo realm.

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
  // Members order on their phone.
  await page.setViewportSize({ width: 390, height: 844 })
})

afterAll(async () => {
  await browser?.close()
})

describe('The drive, for a member', () => {
  it('alice fills her basket from the catalogue, orders for a slot and finds the order in "Mes commandes"', async () => {
    await signIn(page, 'alice', 'demo-alice')

    // The last slot: the admins' drive test orders as alice for the first one.
    const order = await orderTwoProducts(page, 'Miel de fleurs', 'Pommes Reinette', 'last')
    expect(order.title).toMatch(/^Commande n° \d+$/)

    expect(await orderStatus(page, order)).toBe('Commandée')
    await checkPage(page, 'drive-orders')
  })
})
