import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** The admins' dashboard: one group of texts per card. */
export const dashboardMessages: AreaMessages = { fr, en }
