import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** Workshops and events: the members' « Ateliers » page, and the public pages of the co-op's events. */
export const workshopsMessages: AreaMessages = { fr, en }
