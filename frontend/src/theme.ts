import { definePreset } from '@primevue/themes'
import Aura from '@primevue/themes/aura'

// Aura draws its severities in the 500–600 shades, which fall under WCAG AA's 4.5:1 for normal
// text: white on a red-500 button is 3.8:1, a green-600 toast title on green-50 is 3.1:1. Every
// severity is drawn one or two shades darker instead, on buttons, toasts and messages alike.
const severities = { success: 'green', info: 'sky', warn: 'orange', help: 'purple', danger: 'red' } as const
const messageColours = { success: 'green', info: 'blue', warn: 'yellow', error: 'red' } as const

const filledButton = (hue: string) => ({
  background: `{${hue}.700}`,
  hoverBackground: `{${hue}.800}`,
  activeBackground: `{${hue}.900}`,
  borderColor: `{${hue}.700}`,
  hoverBorderColor: `{${hue}.800}`,
  activeBorderColor: `{${hue}.900}`,
  focusRing: { color: `{${hue}.700}`, shadow: 'none' },
})

const each = <K extends string, V>(hues: Record<K, string>, shade: (hue: string) => V) =>
  Object.fromEntries(Object.entries(hues).map(([severity, hue]) => [severity, shade(hue as string)])) as Record<K, V>

// Toasts lie half transparent over the page, which can darken their pale background: the
// 800 shade keeps 4.5:1 whatever lies beneath.
const messageText = (hue: string) => `{${hue}.800}`

export const PanierTheme = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{green.50}',
      100: '{green.100}',
      200: '{green.200}',
      300: '{green.300}',
      400: '{green.400}',
      500: '{green.500}',
      600: '{green.600}',
      700: '{green.700}',
      800: '{green.800}',
      900: '{green.900}',
      950: '{green.950}',
    },
    colorScheme: {
      light: {
        primary: { color: '{green.700}', contrastColor: '#ffffff', hoverColor: '{green.800}', activeColor: '{green.900}' },
        // Aura's muted grey (slate-500) falls under 4.5:1 on the light grey of the page and of
        // unselected toggles (the language switch): one step darker passes everywhere.
        text: { mutedColor: '{surface.600}' },
      },
    },
  },
  components: {
    togglebutton: {
      colorScheme: { light: { root: { color: '{surface.600}' } } },
    },
    button: {
      colorScheme: {
        light: {
          root: { ...each(severities, filledButton), secondary: { color: '{surface.700}' } },
          outlined: { ...each(severities, (hue) => ({ color: `{${hue}.700}` })), secondary: { color: '{surface.600}' } },
          text: { ...each(severities, (hue) => ({ color: `{${hue}.700}` })), secondary: { color: '{surface.600}' } },
        },
      },
    },
    toast: {
      colorScheme: { light: each(messageColours, (hue) => ({ color: messageText(hue) })) },
    },
    message: {
      colorScheme: {
        light: each(messageColours, (hue) => ({
          color: messageText(hue),
          outlined: { color: messageText(hue), borderColor: messageText(hue) },
          simple: { color: messageText(hue) },
        })),
      },
    },
  },
})
