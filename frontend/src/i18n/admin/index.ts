import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** The management pages' texts (members, households, scales, payments, statistics). */
export const adminMessages: AreaMessages = { fr, en }
