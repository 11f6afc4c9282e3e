import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { AssemblyLive } from '../features/assemblies/model'
import { agoraId, alice, camille, hand, item, live, remi } from '../test/assemblies'
import { at } from '../test/drive'
import { api } from '../test/http'
import { click } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'

/** The live state as the server keeps it; each action answers the new state. */
function serve(initial: AssemblyLive) {
  let state = initial
  const calls: { method: string; path: string; body?: unknown; ifMatch?: string | null }[] = []
  const answer = () => HttpResponse.json(state, { headers: { ETag: '"7"' } })
  server.use(
    http.get(api('/assemblies/:id/live'), answer),
    http.post(api('/assemblies/:id/hands/:handId/floor'), ({ params }) => {
      calls.push({ method: 'floor', path: String(params.handId) })
      const given = state.hands.find((h) => h.id === params.handId)!
      state = { ...state, hands: state.hands.filter((h) => h !== given), currentSpeaker: { ...given, interventions: given.interventions + 1 } }
      return answer()
    }),
    http.put(api('/assemblies/:id/agenda-items/:itemId/record'), async ({ request, params }) => {
      calls.push({ method: 'record', path: String(params.itemId), body: await request.json(), ifMatch: request.headers.get('If-Match') })
      return answer()
    }),
    http.post(api('/assemblies/:id/start'), () => {
      calls.push({ method: 'start', path: '' })
      state = { ...state, status: 'LIVE' }
      return answer()
    }),
  )
  return calls
}

freezeClock()

describe("Le mode animation de l'assemblée", () => {
  it("shows each item's timer on the server's clock and the speaking list in the server's order", async () => {
    serve(
      live({
        now: at(1, 10, 5),
        items: [item({ startedAt: at(1, 10) }), item({ id: 'd2000000-0000-4000-8000-000000000002', title: 'Les horaires', durationMinutes: 10 })],
        hands: [hand('e0000000-0000-4000-8000-000000000001', camille, 0), hand('e0000000-0000-4000-8000-000000000002', alice, 2)],
        present: [alice, camille],
        proxyCount: 1,
      }),
    )
    const wrapper = await renderApp(`/assemblees/${agoraId}/animation`)

    expect(wrapper.get('h1').text()).toBe("Animation de l'assemblée")
    const first = wrapper.get(`[data-testid="live-item-${item().id}"]`)
    expect(first.get('[data-testid="timer"]').text()).toBe('5:00 / 20 min')
    expect(wrapper.text()).toContain('2 présent·es · 1 procurations')
    const list = wrapper.get('[data-testid="speaking-list"]')
    expect(list.findAll('li').map((li) => li.find('.who').text())).toEqual(['Camille Durand', 'Alice Martin'])
    expect(list.text()).toContain("n'a pas encore parlé")
    expect(list.text()).toContain('a parlé 2 fois')
  })

  it('gives the floor to the first hand, which counts one intervention', async () => {
    const calls = serve(live({ hands: [hand('e0000000-0000-4000-8000-000000000001', camille, 0), hand('e0000000-0000-4000-8000-000000000002', alice, 1)] }))
    const wrapper = await renderApp(`/assemblees/${agoraId}/animation`)

    await wrapper.get('[data-testid="hand-' + camille.id + '"]').findAll('button')[0].trigger('click')
    await flushPromises()
    expect(calls[0]).toEqual({ method: 'floor', path: 'e0000000-0000-4000-8000-000000000001' })
    expect(wrapper.get('[data-testid="speaker"]').text()).toBe('La parole est à Camille Durand')
    expect(wrapper.get('[data-testid="speaking-list"]').findAll('li')).toHaveLength(1)
  })

  it('saves the notes and decision of the current item with its version', async () => {
    const calls = serve(live({ items: [item({ startedAt: at(1, 10), version: 3 })] }))
    const wrapper = await renderApp(`/assemblees/${agoraId}/animation`)

    await wrapper.get('#live-notes').setValue('Trois devis présentés.')
    await wrapper.get('#live-decision').setValue('Achat d’un frigo neuf.')
    await click(wrapper, 'Enregistrer les notes')
    expect(calls).toEqual([
      { method: 'record', path: item().id, body: { notes: 'Trois devis présentés.', decision: 'Achat d’un frigo neuf.' }, ifMatch: '"3"' },
    ])
  })

  it('starts a scheduled assembly; a member who does not facilitate only watches', async () => {
    const calls = serve(live({ status: 'SCHEDULED', currentItemId: null, items: [item()] }))
    const wrapper = await renderApp(`/assemblees/${agoraId}/animation`)
    await click(wrapper, "Démarrer l'assemblée")
    expect(calls).toEqual([{ method: 'start', path: '' }])
    expect(wrapper.text()).toContain('Clore et publier le compte rendu')

    serve(live({ canFacilitate: false, hands: [hand('e0000000-0000-4000-8000-000000000001', remi, 0)] }))
    const watcher = await renderApp(`/assemblees/${agoraId}/animation`)
    expect(watcher.text()).toContain('vous voyez ce que voit la salle')
    expect(watcher.text()).not.toContain('Donner la parole')
    expect(watcher.find('[data-testid="record"]').exists()).toBe(false)
  })
})
