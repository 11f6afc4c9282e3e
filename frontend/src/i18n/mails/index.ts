import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** The texts of the mail log (admins) and of the events it names. */
export const mailMessages: AreaMessages = { fr, en }
