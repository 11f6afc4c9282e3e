import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** Volunteering's management texts: shift templates, the cycle, regular seats, tasks and skills. */
export const shiftsAdminMessages: AreaMessages = { fr, en }
