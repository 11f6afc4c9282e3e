import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { AgendaItem, Assembly } from '../features/assemblies/model'
import { agoraId, alice, assembly, hand, item, live, remi } from '../test/assemblies'
import { api, problem } from '../test/http'
import { click, typeInto } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'

/** One assembly and its agenda; what a member proposes is added, where the server says it goes. */
function serve(one: Assembly, items: AgendaItem[], answer?: Partial<AgendaItem>) {
  const posted: unknown[] = []
  server.use(
    http.get(api('/assemblies/:id'), () => HttpResponse.json(one)),
    http.get(api('/assemblies/:id/agenda-items'), () => HttpResponse.json({ items })),
    http.post(api('/assemblies/:id/agenda-items'), async ({ request }) => {
      const body = (await request.json()) as { title: string; description: string; durationMinutes: number }
      posted.push(body)
      const made = item({ id: 'd2000000-0000-4000-8000-000000000005', ...body, author: alice, mine: true, editable: true, ...answer })
      if (made.assemblyId === agoraId) items.push(made)
      return HttpResponse.json(made, { status: 201 })
    }),
  )
  return posted
}

const fill = async (wrapper: Awaited<ReturnType<typeof renderApp>>) => {
  await wrapper.get('#item-title').setValue('Les horaires de l’été')
  await wrapper.get('#item-description').setValue('Ouvrir le samedi matin ?')
  await typeInto(wrapper, 'item-duration', '10')
}

freezeClock()

describe('Une assemblée', () => {
  it('shows its agenda and takes an item proposed by a member («\u00a0Proposer un point\u00a0»)', async () => {
    const posted = serve(assembly(), [item()])
    const wrapper = await renderApp(`/assemblees/${agoraId}`)

    expect(wrapper.get('h1').text()).toBe('Agora de décembre')
    expect(wrapper.get('[data-testid="agenda-state"]').text()).toBe("L'ordre du jour est ouvert à toutes et tous jusqu'au mardi 8 décembre à 19:00.")
    const agenda = wrapper.get('[data-testid="agenda"]')
    expect(agenda.text()).toContain('Un frigo pour le local')
    expect(agenda.text()).toContain('Proposé par Alice Martin')
    expect(agenda.text()).toContain('20 min')

    await fill(wrapper)
    await click(wrapper, 'Proposer ce point')
    expect(posted).toEqual([{ title: 'Les horaires de l’été', description: 'Ouvrir le samedi matin ?', durationMinutes: 10, proposalId: null }])
    expect(document.body.textContent).toContain("Votre point est à l'ordre du jour.")
    expect(wrapper.get('[data-testid="agenda"]').text()).toContain('Les horaires de l’été')
    expect(wrapper.get('[data-testid="agenda"]').text()).toContain('Durée demandée : 30 min')
  })

  it('says that an item proposed after the close goes to the next assembly', async () => {
    serve(assembly({ agendaOpen: false }), [item()], { late: true, assemblyId: 'd1000000-0000-4000-8000-000000000002' })
    const wrapper = await renderApp(`/assemblees/${agoraId}`)
    expect(wrapper.text()).toContain('votre point sera inscrit à la suivante')

    await fill(wrapper)
    await click(wrapper, 'Proposer ce point')
    expect(document.body.textContent).toContain("L'ordre du jour était clos : votre point est inscrit à l'assemblée suivante.")
    expect(wrapper.get('[data-testid="agenda"]').text()).not.toContain('Les horaires')
  })

  it("lets the author withdraw their item, and shows the server's refusal once the agenda closed", async () => {
    const mine = item({ mine: true, editable: true })
    const items = [mine]
    serve(assembly(), items)
    let refuse = false
    server.use(
      http.delete(api('/assemblies/:id/agenda-items/:itemId'), () => {
        if (refuse) return problem(409, { type: 'https://panier.coop/problems/agenda-closed', detail: "L'ordre du jour de cette assemblée est clos." })
        items.splice(0, 1)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const wrapper = await renderApp(`/assemblees/${agoraId}`)
    refuse = true
    await click(wrapper, 'Retirer')
    expect(wrapper.get('[data-testid="agenda"] [role="alert"]').text()).toBe("L'ordre du jour de cette assemblée est clos.")
    refuse = false
    await click(wrapper, 'Retirer')
    expect(wrapper.get('[data-testid="agenda"]').text()).toContain("Aucun point pour l'instant.")
  })

  it('shows the proxy the member gave, and lets them take it back', async () => {
    let taken = false
    serve(assembly({ myProxy: remi }), [])
    server.use(
      http.delete(api('/assemblies/:id/proxies/mine'), () => {
        taken = true
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const wrapper = await renderApp(`/assemblees/${agoraId}`)
    expect(wrapper.get('[data-testid="proxy"]').text()).toContain('Vous avez donné votre procuration à Rémi Lefèvre.')
    await click(wrapper, 'Reprendre ma procuration')
    expect(taken).toBe(true)
  })

  it('lets a member present in the room raise their hand from their phone, and tells their place on the list', async () => {
    serve(assembly({ status: 'LIVE', agendaOpen: false }), [item()])
    let raised: unknown
    const mine = hand('e0000000-0000-4000-8000-000000000009', alice, 0)
    server.use(
      http.get(api('/assemblies/:id/live'), () => HttpResponse.json(live({ mePresent: true, canFacilitate: false, currentSpeaker: hand('e0000000-0000-4000-8000-000000000001', remi, 1) }))),
      http.post(api('/assemblies/:id/hands'), async ({ request }) => {
        raised = await request.json()
        return HttpResponse.json(live({ mePresent: true, canFacilitate: false, hands: [hand('e0000000-0000-4000-8000-000000000002', remi, 0), mine], myHand: mine }))
      }),
    )
    const wrapper = await renderApp(`/assemblees/${agoraId}`)
    const phone = wrapper.get('[data-testid="raise-hand"]')
    expect(phone.text()).toContain('Point en cours : Un frigo pour le local')
    expect(phone.text()).toContain('La parole est à Rémi Lefèvre')

    await click(wrapper, 'Lever la main')
    expect(raised).toEqual({})
    expect(wrapper.get('[data-testid="raise-hand"]').text()).toContain('vous êtes n° 2 sur la liste')
    expect(wrapper.text()).toContain('Baisser la main')
  })

  it('shows the minutes of a closed assembly: who was there, the notes and decisions', async () => {
    const closed = assembly({ status: 'CLOSED', agendaOpen: false })
    serve(closed, [])
    server.use(
      http.get(api('/assemblies/:id/minutes'), () =>
        HttpResponse.json({
          assembly: closed,
          present: [alice, remi],
          proxies: [],
          items: [item({ notes: 'Trois devis présentés.', decision: 'Achat d’un frigo neuf.' })],
        }),
      ),
    )
    const wrapper = await renderApp(`/assemblees/${agoraId}`)
    const minutes = wrapper.get('[data-testid="minutes"]')
    expect(minutes.text()).toContain('2 personnes présentes : Alice Martin, Rémi Lefèvre')
    expect(minutes.text()).toContain('Trois devis présentés.')
    expect(minutes.text()).toContain('Décision : Achat d’un frigo neuf.')
    expect(wrapper.find('[data-testid="agenda-item-form"]').exists()).toBe(false)
  })
})
