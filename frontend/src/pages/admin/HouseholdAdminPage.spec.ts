import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Household } from '../../features/households/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api } from '../../test/http'
import { click } from '../../test/interact'
import { alice } from '../../test/member'
import { awaitingPayment, bruno, dueEntries, householdId, ledger, moreau } from '../../test/memberships'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const page = `/gestion/foyers/${householdId}`

function serveHousehold() {
  server.use(
    http.get(api('/households/:id'), () => HttpResponse.json(moreau, { headers: { ETag: '"7"' } })),
    http.get(api('/memberships'), () => HttpResponse.json({ items: [awaitingPayment], nextCursor: null })),
    http.get(api('/households/:id/ledger'), () => HttpResponse.json(ledger(dueEntries))),
  )
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe("an admin's page of a household", () => {
  it('renames the household with the version read', async () => {
    serveHousehold()
    let sent: { ifMatch: string | null; body: unknown } | undefined
    server.use(
      http.put(api('/households/:id'), async ({ request }) => {
        const body = (await request.json()) as Household
        sent = { ifMatch: request.headers.get('If-Match'), body }
        return HttpResponse.json({ ...moreau, ...body }, { headers: { ETag: '"8"' } })
      }),
    )
    const wrapper = await renderApp(page)

    await wrapper.get('input#household-name').setValue('Foyer Moreau-Petit')
    await click(wrapper, 'Enregistrer')

    expect(sent).toEqual({ ifMatch: '"7"', body: { name: 'Foyer Moreau-Petit', adults: 2, children: 1 } })
    expect(wrapper.get('h1').text()).toBe('Foyer Moreau-Petit')
  })

  it('detaches a member, then writes with the version that answer gave', async () => {
    serveHousehold()
    let detached: string | undefined
    let ifMatch: string | null = null
    server.use(
      http.delete(api('/households/:id/members/:memberId'), ({ params }) => {
        detached = params.memberId as string
        return HttpResponse.json({ ...moreau, members: [] }, { headers: { ETag: '"8"' } })
      }),
      http.put(api('/households/:id'), ({ request }) => {
        ifMatch = request.headers.get('If-Match')
        return HttpResponse.json(moreau, { headers: { ETag: '"9"' } })
      }),
    )
    const wrapper = await renderApp(page)

    await click(wrapper, 'Retirer Bruno Moreau du foyer')
    expect(detached).toBe(bruno.id)
    expect(wrapper.text()).toContain("Personne pour l'instant")

    await click(wrapper, 'Enregistrer')
    expect(ifMatch).toBe('"8"')
  })

  it('finds a member by name and attaches them', async () => {
    serveHousehold()
    let attached: string | undefined
    server.use(
      http.get(api('/members'), ({ request }) => {
        expect(new URL(request.url).searchParams.get('q')).toBe('ali')
        return HttpResponse.json({ items: [alice], nextCursor: null })
      }),
      http.put(api('/households/:id/members/:memberId'), ({ params }) => {
        attached = params.memberId as string
        const members = [...moreau.members, { id: alice.id, memberNumber: alice.memberNumber, firstName: 'Alice', lastName: 'Martin' }]
        return HttpResponse.json({ ...moreau, members }, { headers: { ETag: '"8"' } })
      }),
    )
    const wrapper = await renderApp(page)

    await wrapper.get('input#attach-member').setValue('ali')
    await vi.waitFor(
      () => expect(document.body.querySelector('[role="option"]')?.textContent).toContain('Alice Martin (A-0003)'),
      { timeout: 3000 },
    )
    document.body.querySelector<HTMLElement>('[role="option"]')!.click()
    await flushPromises()
    await click(wrapper, 'Ajouter au foyer')

    expect(attached).toBe(alice.id)
    expect(wrapper.text()).toContain('Alice Martin')
    expect(document.body.textContent).toContain('Adhérent ajouté au foyer')
  })

  it('lists the memberships and the account of the household', async () => {
    serveHousehold()
    const wrapper = await renderApp(page)

    expect(wrapper.find(`a[href="/gestion/adhesions/${awaitingPayment.id}"]`).exists()).toBe(true)
    expect(wrapper.text()).toContain('Cotisation')
    expect(wrapper.text()).toContain('Solidarité')
  })
})
