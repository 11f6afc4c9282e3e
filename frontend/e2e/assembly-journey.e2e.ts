import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkPage } from './axe'
import { openBrowser, signIn, signOut } from './browser'

// Issue 13's Agora: alice adds an item to next month's agenda from her phone; rémi, who
// facilitates, runs it in live mode on a tablet: attendance, the double speaking list (those who
// have spoken least first), notes and the decision of the item.

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

async function openAgora(page: Page) {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'La coop' }).click()
  await page.getByRole('link', { name: /^Assemblées/ }).click()
  await page.getByRole('heading', { name: 'Assemblées', level: 1 }).waitFor()
  await page.getByTestId('assemblies-ahead').getByRole('link', { name: 'Agora du mois prochain' }).click()
  await page.getByRole('heading', { name: 'Agora du mois prochain', level: 1 }).waitFor()
}

async function pick(page: Page, field: string, name: string) {
  await page.locator(field).fill(name)
  await page.getByRole('option', { name: new RegExp(name) }).first().click()
}

describe('Assemblées', () => {
  it('a member adds an item to the agenda, and the facilitator runs it in live mode', async () => {
    const title = `Un composteur dans la cour (${Date.now().toString(36)})`

    await page.setViewportSize(phone)
    await signIn(page, 'alice', 'demo-alice')
    await openAgora(page)
    const propose = region(page, 'Proposer un point')
    await propose.getByLabel('Titre du point').fill(title)
    await propose.getByLabel("De quoi s'agit-il ?").fill('Nos épluchures partent à la poubelle : un bac à compost partagé avec les voisins ?')
    await propose.locator('#item-duration').fill('10')
    await propose.getByRole('button', { name: 'Proposer ce point' }).click()
    await region(page, 'Ordre du jour').getByRole('heading', { name: title }).waitFor()
    await checkPage(page, 'assembly-phone')
    await signOut(page)

    await page.setViewportSize(tablet)
    await signIn(page, 'remi', 'demo-remi')
    await openAgora(page)
    await page.getByRole('link', { name: 'Mode animation' }).click()
    await page.getByRole('heading', { name: "Animation de l'assemblée", level: 1 }).waitFor()
    await page.getByRole('button', { name: "Démarrer l'assemblée" }).click()
    const item = page.getByTestId('live-agenda').locator('article').filter({ hasText: title })
    await item.getByRole('button', { name: 'Passer à ce point' }).click()
    await page.getByRole('heading', { name: `Notes : ${title}` }).waitFor()

    await pick(page, '#live-attendee', 'Alice')
    await page.getByRole('button', { name: 'Présent·e', exact: true }).click()
    await expect.poll(() => region(page, 'Présences').locator('li').allTextContents()).toEqual([expect.stringContaining('Alice')])

    // Camille raises her hand first, then Alice: neither has spoken yet, so the first raised goes first.
    const hands = () => page.getByTestId('speaking-list').locator('ol li .who').allTextContents()
    for (const name of ['Camille', 'Alice']) {
      await pick(page, '#live-speaker', name)
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click()
      await expect.poll(async () => (await hands()).some((who) => who.includes(name))).toBe(true)
    }
    await expect.poll(hands).toEqual([expect.stringContaining('Camille'), expect.stringContaining('Alice')])
    await page.getByTestId('speaking-list').locator('ol li').first().getByRole('button', { name: 'Donner la parole' }).click()
    await expect.poll(() => page.getByTestId('speaker').textContent()).toContain('Camille')
    // Camille asks again: having spoken once, she now comes after Alice, who has not spoken yet.
    await pick(page, '#live-speaker', 'Camille')
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click()
    await expect.poll(hands).toEqual([expect.stringContaining('Alice'), expect.stringContaining('Camille')])

    await page.locator('#live-notes').fill('Accord des voisins du 12 à demander ; un bac de 400 L suffit pour commencer.')
    await page.locator('#live-decision').fill('Commission Appro : devis pour un composteur partagé.')
    await page.getByRole('button', { name: 'Enregistrer les notes' }).click()
    await checkPage(page, 'assembly-live-tablet')
    await signOut(page)
  })
})
