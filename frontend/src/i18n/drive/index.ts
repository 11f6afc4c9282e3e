import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** The drive's texts for members: basket, pickup slots, orders. */
export const driveMessages: AreaMessages = { fr, en }
