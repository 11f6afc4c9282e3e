import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** Fundraisers' texts for members: the list, a fundraiser, pledges. */
export const fundraisersMessages: AreaMessages = { fr, en }
