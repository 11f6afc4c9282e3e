import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** Volunteer hours' texts: the account and standing, attendance, validation, exemptions, the rule. */
export const hoursMessages: AreaMessages = { fr, en }
