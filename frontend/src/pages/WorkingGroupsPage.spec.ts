import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { WorkingGroup } from '../features/governance/model'
import { group, groupId, proposal } from '../test/governance'
import { api } from '../test/http'
import { click } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'
import { keycloakSession } from '../test/fakeKeycloak'

function serve(initial: WorkingGroup) {
  let current = initial
  const notes: { id: string; workingGroupId: string; authorId: string; authorName: string; body: string; bodyHtml: string; writtenAt: string }[] = []
  server.use(
    http.get(api('/working-groups'), () => HttpResponse.json({ items: [current], nextCursor: null })),
    http.get(api('/working-groups/:id'), () => HttpResponse.json(current)),
    http.put(api('/working-groups/:id/membership'), () => {
      current = { ...current, isMember: true, memberCount: current.memberCount + 1, members: [{ memberId: groupId, name: 'Moi Même', joinedAt: '2026-12-01T09:00:00Z' }] }
      return HttpResponse.json(current)
    }),
    http.delete(api('/working-groups/:id/membership'), () => {
      current = { ...current, isMember: false, memberCount: current.memberCount - 1, members: [] }
      return new HttpResponse(null, { status: 204 })
    }),
    http.get(api('/proposals'), () => HttpResponse.json({ items: [proposal({ workingGroupId: groupId, workingGroupName: 'Appro' })], nextCursor: null })),
    http.get(api('/working-groups/:id/notes'), () => HttpResponse.json({ items: notes, nextCursor: null })),
    http.post(api('/working-groups/:id/notes'), async ({ request }) => {
      const { body } = (await request.json()) as { body: string }
      notes.unshift({ id: `n${notes.length}`, workingGroupId: groupId, authorId: groupId, authorName: 'Moi Même', body, bodyHtml: `<p>${body}</p>`, writtenAt: '2026-12-01T09:00:00Z' })
      return HttpResponse.json(notes[0], { status: 201 })
    }),
  )
}

freezeClock()

describe('Commissions', () => {
  it('lists the working groups, joined and left in one tap', async () => {
    serve(group())
    const wrapper = await renderApp('/commissions')

    const card = wrapper.get(`[data-testid="group-${groupId}"]`)
    expect(card.text()).toContain('Appro')
    expect(card.text()).toContain('3 membres · 1 proposition en cours')
    await click(wrapper, 'Rejoindre')
    expect(wrapper.get(`[data-testid="group-${groupId}"]`).text()).toContain('4 membres')
    expect(wrapper.get(`[data-testid="group-${groupId}"]`).text()).toContain('Vous en êtes membre')
    await click(wrapper, 'Quitter')
    expect(wrapper.get(`[data-testid="group-${groupId}"]`).text()).toContain('3 membres')
    expect(wrapper.find('[data-testid="group-form"]').exists()).toBe(false)
  })

  it("shows a group's proposals and notes, and its members write notes", async () => {
    serve(group({ isMember: true, members: [{ memberId: groupId, name: 'Moi Même', joinedAt: '2026-12-01T09:00:00Z' }] }))
    const wrapper = await renderApp(`/commissions/${groupId}`)

    expect(wrapper.get('h1').text()).toBe('Appro')
    expect(wrapper.get('[data-testid="group-members"]').text()).toContain('Moi Même')
    expect(wrapper.get('[data-testid="group-proposals"]').text()).toContain('Un frigo pour le local')
    expect(wrapper.get('[data-testid="group-notes"]').text()).toContain('Aucune note pour l')
    await wrapper.get('textarea#group-note').setValue('Trois producteurs à appeler')
    await click(wrapper, 'Publier la note')
    expect(wrapper.get('[data-testid="group-notes"]').text()).toContain('Trois producteurs à appeler')
    expect(wrapper.get('[data-testid="group-notes"]').text()).toContain('Moi Même, le 1 décembre 2026')
  })

  it('lets admins change a group and its meetings, with the version read', async () => {
    keycloakSession.roles = ['member', 'admin']
    try {
      serve(group({ meetings: [{ startsAt: '2026-12-08T18:00:00Z', place: 'Local', note: null }] }))
      let sent: { body: unknown; ifMatch: string | null } | undefined
      server.use(
        http.get(api('/working-groups/:id'), () => HttpResponse.json(group({ meetings: [{ startsAt: '2026-12-08T18:00:00Z', place: 'Local', note: null }] }), { headers: { ETag: '"2"' } })),
        http.put(api('/working-groups/:id'), async ({ request }) => {
          sent = { body: await request.json(), ifMatch: request.headers.get('If-Match') }
          return HttpResponse.json(group({ description: 'Nouvelle description' }), { headers: { ETag: '"3"' } })
        }),
      )
      const wrapper = await renderApp(`/commissions/${groupId}`)
      await click(wrapper, 'Modifier la commission')
      await click(wrapper, 'Retirer')
      await wrapper.get('textarea#group-description').setValue('Nouvelle description')
      await click(wrapper, 'Enregistrer la commission')
      expect(sent?.ifMatch).toBe('"2"')
      expect(sent?.body).toEqual({ name: 'Appro', description: 'Nouvelle description', meetings: [] })
      expect(wrapper.text()).toContain('Nouvelle description')
    } finally {
      keycloakSession.roles = ['member']
    }
  })

  it('offers admins to create a group', async () => {
    keycloakSession.roles = ['member', 'admin']
    try {
      serve(group())
      let created: unknown
      server.use(
        http.post(api('/working-groups'), async ({ request }) => {
          created = await request.json()
          return HttpResponse.json(group({ id: 'e1000000-0000-4000-8000-000000000002', name: 'Agora' }), { status: 201 })
        }),
      )
      const wrapper = await renderApp('/commissions')
      await click(wrapper, 'Nouvelle commission')
      await wrapper.get('input#group-name').setValue('Agora')
      await click(wrapper, 'Nouvelle commission')
      expect(created).toMatchObject({ name: 'Agora' })
    } finally {
      keycloakSession.roles = ['member']
    }
  })
})
