import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { assembly } from '../test/assemblies'
import { keycloakSession } from '../test/fakeKeycloak'
import { api } from '../test/http'
import { click, typeInto } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'

const past = assembly({ id: 'd1000000-0000-4000-8000-000000000009', title: 'Agora de novembre', status: 'CLOSED', agendaOpen: false })

function serve() {
  server.use(
    http.get(api('/assemblies'), ({ request }) =>
      HttpResponse.json({ items: new URL(request.url).searchParams.get('past') === 'true' ? [past] : [assembly()], nextCursor: null }),
    ),
  )
}

freezeClock()

describe('Assemblées', () => {
  it('lists the assemblies to come, with their open agenda, apart from the past ones', async () => {
    serve()
    const wrapper = await renderApp('/assemblees')

    expect(wrapper.get('h1').text()).toBe('Assemblées')
    const ahead = wrapper.get('[data-testid="assemblies-ahead"]')
    expect(ahead.text()).toContain('Agora de décembre')
    expect(ahead.text()).toContain('mardi 15 décembre, 19:00 – 21:30')
    expect(ahead.text()).toContain('Animée par Rémi Lefèvre · 1 point')
    expect(ahead.text()).toContain('Ordre du jour ouvert')
    expect(wrapper.get('[data-testid="assemblies-past"]').text()).toContain('Agora de novembre')
    expect(wrapper.text()).not.toContain('Programmer une assemblée')
    expect(wrapper.find('[data-testid="assembly-rules"]').exists()).toBe(false)
  })

  it("lets an admin change the co-op's rules with the version read", async () => {
    serve()
    keycloakSession.roles = ['member', 'admin']
    let sent: { body: unknown; ifMatch: string | null } | undefined
    server.use(
      http.get(api('/assembly-rules'), () => HttpResponse.json({ agendaCloseDays: 7, maxProxiesHeld: 1 }, { headers: { ETag: '"4"' } })),
      http.put(api('/assembly-rules'), async ({ request }) => {
        sent = { body: await request.json(), ifMatch: request.headers.get('If-Match') }
        return HttpResponse.json({ agendaCloseDays: 10, maxProxiesHeld: 1 }, { headers: { ETag: '"5"' } })
      }),
    )
    const wrapper = await renderApp('/assemblees')
    expect(wrapper.text()).toContain('Programmer une assemblée')

    await typeInto(wrapper, 'rules-close-days', '10')
    await click(wrapper, 'Enregistrer les règles')
    expect(sent).toEqual({ body: { agendaCloseDays: 10, maxProxiesHeld: 1 }, ifMatch: '"4"' })
    expect(document.body.textContent).toContain('Règles des assemblées enregistrées.')
  })
})
