import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** Memberships, households and their accounts: "Mon adhésion" and the management pages use them. */
export const membershipMessages: AreaMessages = { fr, en }
