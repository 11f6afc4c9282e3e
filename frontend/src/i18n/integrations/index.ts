import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** The integrations' texts: integration clients, webhooks and their delivery logs. */
export const integrationMessages: AreaMessages = { fr, en }
