import type { AreaMessages } from '../useAreaMessages'
import en from './en.json'
import fr from './fr.json'

/** Volunteering's texts for members: shifts, sign-ups, hours. */
export const volunteeringMessages: AreaMessages = { fr, en }
