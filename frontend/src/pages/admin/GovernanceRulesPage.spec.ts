import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, problem } from '../../test/http'
import { click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})
afterEach(() => {
  keycloakSession.roles = ['member']
})

describe('Règles de décision', () => {
  it('saves the whole rules with the version read', async () => {
    let ifMatch: string | null = null
    let body: Record<string, number> = {}
    server.use(
      http.get(api('/governance/rules'), () => HttpResponse.json({ minDeadlineDays: 7, consensusQuorumPercent: 50 }, { headers: { ETag: '"4"' } })),
      http.put(api('/governance/rules'), async ({ request }) => {
        ifMatch = request.headers.get('If-Match')
        body = (await request.json()) as Record<string, number>
        return HttpResponse.json(body, { headers: { ETag: '"5"' } })
      }),
    )
    const wrapper = await renderApp('/gestion/regles-decisions')
    expect(wrapper.get('h1').text()).toBe('Règles de décision')
    expect((wrapper.get('input#rules-min-days').element as HTMLInputElement).value).toBe('7')
    await click(wrapper, 'Enregistrer')
    expect(ifMatch).toBe('"4"')
    expect(body).toEqual({ minDeadlineDays: 7, consensusQuorumPercent: 50 })
  })

  it('says when another admin changed them meanwhile', async () => {
    server.use(
      http.get(api('/governance/rules'), () => HttpResponse.json({ minDeadlineDays: 7, consensusQuorumPercent: 50 }, { headers: { ETag: '"4"' } })),
      http.put(api('/governance/rules'), () => problem(412, { type: 'https://panier.coop/problems/stale-version' })),
    )
    const wrapper = await renderApp('/gestion/regles-decisions')
    await click(wrapper, 'Enregistrer')
    expect(wrapper.get('[data-testid="governance-rules-form"]').find('[role="alert"]').exists()).toBe(true)
  })
})
