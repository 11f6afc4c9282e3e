import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { screenshots } from './browser'
import { checkPage } from './axe'

// The member's side of the drive, as steps other end-to-end tests reuse: the full scenario of
// the drive adds the admin's preparation list and pickup between ordering and "Retirée".

// Not the whole banner: the brand link home reads "Panier" too.
const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' })
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim()

export interface PlacedOrder {
  /** As shown, e.g. "Commande n° 42". */
  title: string
  /** The slot's day and hours as the confirmation shows them. */
  slot: string
}

/** A basket left by an earlier run would be ordered too. */
export async function emptyBasket(page: Page) {
  await nav(page).getByRole('link', { name: /^Panier/ }).click()
  await page.getByRole('heading', { name: 'Mon panier', level: 1 }).waitFor()
  const empty = page.getByRole('button', { name: 'Vider le panier' })
  const nothing = page.getByText('Votre panier est vide.')
  await empty.or(nothing).waitFor()
  if (await empty.isVisible()) {
    await empty.click()
    await nothing.waitFor()
  }
}

/** Searches the catalogue for a product and puts one order step of it in the basket; returns its card. */
export async function addToBasket(page: Page, name: string) {
  await nav(page).getByRole('link', { name: 'Catalogue' }).click()
  await page.getByRole('searchbox', { name: 'Rechercher un produit' }).fill(name)
  const card = page.locator('article').filter({ has: page.getByRole('heading', { name, exact: true }) })
  await card.getByRole('button', { name: 'Ajouter au panier' }).click()
  await card.getByRole('group', { name: `Quantité de ${name}` }).waitFor()
  return card
}

/**
 * The signed-in member puts `first` (one step) and `second` (two steps) in the basket from the
 * catalogue, picks a slot that takes orders (the first, the last, or the one at a place), and
 * confirms. A member has one order per slot: tests that order in the same run pick different ones.
 */
export async function orderTwoProducts(
  page: Page,
  first: string,
  second: string,
  slotChoice: 'first' | 'last' | { place: string },
): Promise<PlacedOrder> {
  await emptyBasket(page)
  await addToBasket(page, first)
  const card = await addToBasket(page, second)
  await card.getByRole('button', { name: new RegExp(`^Ajouter .* de ${second}$`) }).click()
  await expect.poll(async () => plain(await card.locator('output').textContent())).toMatch(/^(1 kg|2 pièces)$/)
  await page.screenshot({ path: `${screenshots}drive-catalogue.png`, fullPage: true })

  await nav(page).getByRole('link', { name: /^Panier.*2 produits$/ }).click()
  await page.getByRole('heading', { name: 'Mon panier', level: 1 }).waitFor()
  await page.getByText(first, { exact: true }).waitFor()
  await page.getByText(second, { exact: true }).waitFor()
  // A few days are shown first: the last slot, or one at a given place, may be further on.
  const moreDays = page.getByRole('button', { name: 'Voir les jours suivants' })
  await page.locator('li.slot').first().waitFor()
  while (slotChoice !== 'first' && (await moreDays.isVisible())) await moreDays.click()
  // Slots that are full or closed have no radio button.
  const open = page.locator('li.slot').filter({ has: page.locator('input[type="radio"]') })
  const slot =
    slotChoice === 'first' ? open.first() : slotChoice === 'last' ? open.last() : open.filter({ hasText: slotChoice.place })
  await slot.locator('label').click()
  await checkPage(page, 'drive-basket')
  await page.getByRole('button', { name: 'Confirmer la commande' }).click()

  const title = page.getByTestId('order-number')
  const refusal = page.locator('.p-message-error, .shortage-list')
  await title.or(refusal).waitFor()
  if (await refusal.isVisible()) throw new Error(`The order was refused: ${plain(await refusal.textContent())}`)
  await page.screenshot({ path: `${screenshots}drive-confirmation.png`, fullPage: true })
  return { title: plain(await title.textContent()), slot: plain(await page.getByTestId('order-slot').textContent()) }
}

/** The status "Mes commandes" shows for an order, e.g. "Commandée". */
export async function orderStatus(page: Page, order: PlacedOrder): Promise<string> {
  await nav(page).getByRole('link', { name: 'Mes commandes' }).click()
  await page.getByRole('heading', { name: 'Mes commandes', level: 1 }).waitFor()
  const card = page.locator('article').filter({ has: page.getByRole('heading', { name: order.title, exact: true }) })
  await card.waitFor()
  expect(plain(await card.getByTestId('order-slot').textContent())).toBe(order.slot)
  return plain(await card.getByTestId('order-status').textContent())
}
