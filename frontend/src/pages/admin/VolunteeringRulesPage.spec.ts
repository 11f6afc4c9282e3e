import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { keycloakSession } from '../../test/fakeKeycloak'
import { defaultRules } from '../../test/hours'
import { api, problem } from '../../test/http'
import { click, typeInto } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const rules = defaultRules

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe("the co-op's volunteering rule", () => {
  it('is saved whole with the version read, the ordering gate turned on', async () => {
    let sent: { body?: unknown; ifMatch?: string | null } = {}
    server.use(
      http.get(api('/volunteering/rules'), () => HttpResponse.json(rules, { headers: { ETag: '"4"' } })),
      http.put(api('/volunteering/rules'), async ({ request }) => {
        sent = { body: await request.json(), ifMatch: request.headers.get('If-Match') }
        return HttpResponse.json({ ...rules, orderingGate: true, minutesPerAdultPerMonth: 240 }, { headers: { ETag: '"5"' } })
      }),
    )
    const wrapper = await renderApp('/gestion/regles-benevolat')

    await typeInto(wrapper, 'rules-minutes', '240')
    await wrapper.get('input#rules-gate').setValue(true)
    await click(wrapper, 'Enregistrer la règle')

    expect(sent.ifMatch).toBe('"4"')
    expect(sent.body).toEqual({ ...rules, minutesPerAdultPerMonth: 240, orderingGate: true })
    expect(document.body.textContent).toContain('Règle enregistrée.')
  })

  it('says so when another admin changed it meanwhile', async () => {
    server.use(
      http.get(api('/volunteering/rules'), () => HttpResponse.json(rules, { headers: { ETag: '"4"' } })),
      http.put(api('/volunteering/rules'), () => problem(412)),
    )
    const wrapper = await renderApp('/gestion/regles-benevolat')

    await click(wrapper, 'Enregistrer la règle')

    expect(wrapper.get('[data-testid="rules-form"] [role="alert"]').text()).toContain('modifié')
  })
})
