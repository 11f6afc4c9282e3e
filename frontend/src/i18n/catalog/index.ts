import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** The catalogue's texts (products, categories, labels), for everyone and for the management pages. */
export const catalogMessages: AreaMessages = { fr, en }
