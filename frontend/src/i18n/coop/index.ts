import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** The co-op's life in one place: decisions, working groups, assemblies, fundraisers, workshops. */
export const coopMessages: AreaMessages = { fr, en }
