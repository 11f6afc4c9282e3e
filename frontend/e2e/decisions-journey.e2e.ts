import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage } from './axe'
import { openBrowser, signIn, signOut } from './browser'

// Issue 13's decision path as the co-op lives it: alice proposes to the whole co-op, by consent;
// rémi cannot live with it and blocks, with a counter-proposal; alice starts round 2 from his
// text; both agree to round 2. (Its adoption at the deadline is the backend's test with a clock.)

let browser: Browser
let page: Page

beforeAll(async () => {
  ;({ browser, page } = await openBrowser())
})

afterAll(async () => {
  await browser?.close()
})

const phone = { width: 390, height: 844 }
const laptop = { width: 1280, height: 800 }
const region = (page: Page, name: string) => page.getByRole('region', { name })

async function openProposal(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'La coop' }).click()
  await page.getByRole('link', { name: /^Décisions/ }).click()
  await page.getByRole('heading', { name: 'Décisions', level: 1 }).waitFor()
  await page.getByTestId('open-proposals').locator('article').filter({ hasText: title }).getByRole('link', { name: 'Lire et répondre' }).click()
  await page.getByRole('heading', { name: title, level: 1 }).waitFor()
}

describe('Décisions', () => {
  it('a block with a counter-proposal leads to a round 2 that both agree to', async () => {
    const title = `Ouvrir le samedi matin dès 9 h (${Date.now().toString(36)})`
    const counter = 'Ouvrir le samedi dès **9 h 30**, le temps que l’équipe de réception range la livraison.'

    await page.setViewportSize(laptop)
    await signIn(page, 'alice', 'demo-alice')
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'La coop' }).click()
    await page.getByRole('heading', { name: 'La coop', level: 1 }).waitFor()
    await checkPage(page, 'coop-laptop')
    await page.getByRole('link', { name: /^Décisions/ }).click()
    await page.getByRole('button', { name: 'Nouvelle proposition' }).click()
    await page.getByLabel('Titre').fill(title)
    await page.getByLabel('Texte').fill('Beaucoup de familles font leurs courses **avant le marché**.\n\n<script>alert(1)</script>')
    // A double click opens one proposal: the button is busy until the answer.
    await page.getByRole('button', { name: 'Proposer' }).dblclick()
    await page.getByRole('heading', { name: title, level: 1 }).waitFor()
    await expect.poll(() => page.getByTestId('rule').textContent()).toContain('Par consentement')
    // The Markdown is rendered, the script shown as text, never run.
    await expect.poll(() => page.getByTestId('proposal-body').locator('strong').textContent()).toBe('avant le marché')
    expect(await page.getByTestId('proposal-body').locator('script').count()).toBe(0)
    await checkPage(page, 'proposal-laptop')
    await signOut(page)

    await page.setViewportSize(phone)
    await signIn(page, 'remi', 'demo-remi')
    await openProposal(page, title)
    await page.getByRole('button', { name: 'Je bloque' }).click()
    // Blocking without a better proposal is refused by the server, naming the field.
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click()
    await page.getByText(/contre-proposition/i).first().waitFor()
    await page.getByLabel('Ma contre-proposition').fill(counter)
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click()
    const responses = region(page, 'Réponses')
    await responses.getByText('Je bloque').waitFor()
    await checkPage(page, 'proposal-blocked-phone')
    await signOut(page)

    await page.setViewportSize(laptop)
    await signIn(page, 'alice', 'demo-alice')
    await openProposal(page, title)
    await page.getByRole('button', { name: 'Lancer le tour suivant avec cette contre-proposition' }).click()
    await page.getByRole('heading', { name: title, level: 1 }).waitFor()
    await expect.poll(() => page.getByTestId('proposal-body').textContent()).toContain('9 h 30')
    await region(page, 'Les tours de cette proposition').getByText('Tour 1').waitFor()
    await page.getByRole('button', { name: "D'accord" }).click()
    await page.getByText("Vous avez répondu : D'accord.", { exact: false }).waitFor()
    await signOut(page)

    await page.setViewportSize(phone)
    await signIn(page, 'remi', 'demo-remi')
    await openProposal(page, title)
    await expect.poll(() => page.getByTestId('proposal-body').textContent()).toContain('9 h 30')
    await page.getByRole('button', { name: "D'accord" }).click()
    await expect.poll(() => region(page, 'Réponses').getByText("D'accord").count()).toBe(2)
    await expect.poll(() => page.getByTestId('responded').textContent()).toMatch(/^2 réponses sur/)
    await checkPage(page, 'proposal-round-2-phone')
    await signOut(page)
  })
})
