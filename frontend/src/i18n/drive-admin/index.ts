import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** The drive's management texts: pickup slots, orders, the pickup screen, sales per week. */
export const driveAdminMessages: AreaMessages = { fr, en }
