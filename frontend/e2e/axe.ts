import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { screenshots } from './browser'

// Every page a test reaches is also checked with axe-core: no serious or critical violation.
// "Label and content name mismatch" is one of axe's experimental rules, so it is switched on:
// someone who says what they see ("PDF") must reach the button.
const extraRules = ['label-content-name-mismatch']

/** Screenshots the page as `name`.png, prints axe's counts and fails on a serious or critical violation. */
export async function checkPage(page: Page, name: string) {
  // A message fading in is read half transparent: axe measures the page once it has settled.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))))
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true })
  const results = await new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(extraRules.map((rule) => [rule, { enabled: true }])) })
    .analyze()
  const counts: Record<string, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 }
  for (const violation of results.violations) counts[violation.impact ?? 'minor'] += violation.nodes.length
  console.log(`axe ${name}: ${results.passes.length} rules passed, violations: ${JSON.stringify(counts)}`)
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.nodes.length}): ${violation.nodes[0]?.target.join(' ')} ${violation.nodes[0]?.failureSummary ?? ''}`)
  // The message names each rule and its first element, so a failing run says what to fix.
  expect(blocking, blocking.join('\n')).toEqual([])
}
