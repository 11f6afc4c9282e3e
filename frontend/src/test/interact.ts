import { flushPromises, type VueWrapper } from '@vue/test-utils'

/** Types into a PrimeVue number or date input the way a person does, then leaves it. */
export async function typeInto(wrapper: VueWrapper, id: string, text: string) {
  const input = wrapper.get(`input#${id}`)
  await input.setValue(text)
  await input.trigger('blur')
}

/** Clicks the button that reads `label`, and lets the API answer. */
export async function click(wrapper: VueWrapper, label: string) {
  const button = wrapper.findAll('button').find((b) => b.text() === label || b.attributes('aria-label') === label)
  if (!button) throw new Error(`No button "${label}" in: ${wrapper.findAll('button').map((b) => b.text()).join(' | ')}`)
  await button.trigger('click')
  await flushPromises()
}

/** Picks an option of a PrimeVue Select, whose list opens in an overlay attached to <body>. */
export async function choose(wrapper: VueWrapper, selector: string, option: string) {
  await wrapper.get(selector).trigger('click')
  await flushPromises()
  const item = Array.from(document.body.querySelectorAll<HTMLElement>('[role="option"]')).find(
    (o) => o.textContent?.trim() === option,
  )
  if (!item) throw new Error(`No option "${option}"`)
  // PrimeVue selects on mousedown, before the list loses the focus.
  item.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
  await flushPromises()
}
