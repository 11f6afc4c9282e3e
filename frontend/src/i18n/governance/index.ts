import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** Self-management's texts: proposals and decisions, working groups, the rules. */
export const governanceMessages: AreaMessages = { fr, en }
