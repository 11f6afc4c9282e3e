import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { HouseholdInput } from '../../features/households/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api } from '../../test/http'
import { click } from '../../test/interact'
import { awaitingPayment, dueEntries, ledger, moreau } from '../../test/memberships'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the households', () => {
  it('lists households with who is in them, and searches by name', async () => {
    const asked: (string | null)[] = []
    server.use(
      http.get(api('/households'), ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('q'))
        return HttpResponse.json({ items: [moreau], nextCursor: null })
      }),
    )
    const wrapper = await renderApp('/gestion/foyers')

    expect(wrapper.text()).toContain('Foyer Moreau')
    expect(wrapper.text()).toContain('Bruno Moreau')
    expect(wrapper.text()).toContain('2 personnes de 14 ans ou plus, 1 enfant de moins de 14 ans')

    await wrapper.get('input[type="search"]').setValue('  mor ')
    await vi.waitFor(() => expect(asked).toEqual([null, 'mor']), { timeout: 3000 })
  })

  it('creates a household and opens it', async () => {
    server.use(http.get(api('/households'), () => HttpResponse.json({ items: [], nextCursor: null })))
    let created: HouseholdInput | undefined
    server.use(
      http.post(api('/households'), async ({ request }) => {
        created = (await request.json()) as HouseholdInput
        return HttpResponse.json({ ...moreau, ...created, members: [] }, { status: 201, headers: { ETag: '"0"' } })
      }),
      http.get(api('/households/:id'), () => HttpResponse.json({ ...moreau, ...created, members: [] })),
      http.get(api('/memberships'), () => HttpResponse.json({ items: [awaitingPayment], nextCursor: null })),
      http.get(api('/households/:id/ledger'), () => HttpResponse.json(ledger(dueEntries))),
    )
    const wrapper = await renderApp('/gestion/foyers')

    await click(wrapper, 'Nouveau foyer')
    const name = document.body.querySelector<HTMLInputElement>('input#household-name')!
    name.value = 'Foyer Girard'
    name.dispatchEvent(new Event('input'))
    document.body.querySelector<HTMLButtonElement>('.p-dialog button[type="submit"]')!.click()
    await flushPromises()

    expect(created).toEqual({ name: 'Foyer Girard', adults: 1, children: 0 })
    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Foyer Girard'), { timeout: 5000 })
  })
})
