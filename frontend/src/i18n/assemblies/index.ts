import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** Assemblies' texts: the agenda, proxies, the live mode, the minutes. */
export const assembliesMessages: AreaMessages = { fr, en }
