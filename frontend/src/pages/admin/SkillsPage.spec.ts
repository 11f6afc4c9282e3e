import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Skill, SkillHolder } from '../../features/volunteering/templates/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, problem } from '../../test/http'
import { click } from '../../test/interact'
import { alice } from '../../test/member'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'
import { firstAid, tasks, trainedCashier } from '../../test/shiftsAdmin'

const claire: SkillHolder = {
  memberId: 'a0000000-0000-4000-8000-000000000002',
  memberNumber: 'A-0002',
  firstName: 'Claire',
  lastName: 'Dubois',
  skillId: trainedCashier.id,
  grantedAt: '2026-11-02T10:00:00+01:00',
}

/** Tasks, skills and holders as the server keeps them; the writes the page sent. */
function serve() {
  const sent: { method: string; path: string; body: unknown }[] = []
  let taskList = [...tasks]
  let skills: Skill[] = [trainedCashier, firstAid]
  let holders: SkillHolder[] = [claire]
  server.use(
    http.get(api('/shift-tasks'), () => HttpResponse.json({ items: taskList })),
    http.post(api('/shift-tasks'), async ({ request }) => {
      const body = (await request.json()) as { name: string }
      sent.push({ method: 'POST', path: 'tasks', body })
      if (body.name === 'Accueil') return problem(409, { detail: 'La tâche « accueil » existe déjà.' })
      const task = { id: 'c1000000-0000-4000-8000-0000000000aa', name: body.name }
      taskList = [...taskList, task]
      return HttpResponse.json(task, { status: 201 })
    }),
    http.get(api('/skills'), () => HttpResponse.json({ items: skills })),
    http.post(api('/skills'), async ({ request }) => {
      const body = (await request.json()) as { name: string; description: string | null }
      sent.push({ method: 'POST', path: 'skills', body })
      const skill = { id: 'c2000000-0000-4000-8000-0000000000bb', name: body.name, description: body.description, holders: 0 }
      skills = [...skills, skill]
      return HttpResponse.json(skill, { status: 201 })
    }),
    http.get(api('/skills/:id/holders'), ({ params }) =>
      HttpResponse.json({ items: params.id === trainedCashier.id ? holders : [], nextCursor: null }),
    ),
    http.put(api('/members/:memberId/skills/:skillId'), ({ params }) => {
      sent.push({ method: 'PUT', path: `${params.memberId}/${params.skillId}`, body: null })
      const holder = { ...claire, memberId: alice.id, memberNumber: alice.memberNumber, firstName: 'Alice', lastName: 'Martin' }
      holders = [...holders, holder]
      return HttpResponse.json(holder)
    }),
    http.delete(api('/members/:memberId/skills/:skillId'), ({ params }) => {
      sent.push({ method: 'DELETE', path: `${params.memberId}/${params.skillId}`, body: null })
      holders = holders.filter((h) => h.memberId !== params.memberId)
      return new HttpResponse(null, { status: 204 })
    }),
    http.get(api('/members'), () => HttpResponse.json({ items: [alice], nextCursor: null })),
  )
  return sent
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('tasks and skills', () => {
  it('lists the tasks and adds one; a name the list has is refused in the server’s words', async () => {
    const sent = serve()
    const wrapper = await renderApp('/gestion/competences')
    expect(wrapper.get('h1').text()).toBe('Tâches et compétences')
    expect(wrapper.get('[data-testid="tasks"]').text()).toContain('préparation du drive')

    await wrapper.get('input#task-name').setValue('Accueil')
    await click(wrapper, 'Ajouter la tâche')
    expect(wrapper.text()).toContain('La tâche « accueil » existe déjà.')

    await wrapper.get('input#task-name').setValue(' inventaire ')
    await click(wrapper, 'Ajouter la tâche')
    expect(sent.at(-1)).toEqual({ method: 'POST', path: 'tasks', body: { name: 'inventaire' } })
    expect(wrapper.get('[data-testid="tasks"]').text()).toContain('inventaire')
  })

  it('shows who holds a skill, adds a holder and removes one', async () => {
    const sent = serve()
    const wrapper = await renderApp('/gestion/competences')
    expect(wrapper.get('[data-testid="skills"]').text()).toContain('caisse formée2 titulaires')
    expect(wrapper.findAll('[data-testid="roster-member"]').map((h) => h.text())).toEqual(['Claire Dubois (A-0002)'])

    await wrapper.get('input#holder-member').setValue('ali')
    await vi.waitFor(() => expect(document.body.querySelector('[role="option"]')?.textContent).toContain('Alice Martin'), {
      timeout: 3000,
    })
    document.body.querySelector<HTMLElement>('[role="option"]')!.click()
    await flushPromises()
    await click(wrapper, 'Ajouter ce titulaire')
    expect(sent.at(-1)).toEqual({ method: 'PUT', path: `${alice.id}/${trainedCashier.id}`, body: null })
    expect(wrapper.findAll('[data-testid="roster-member"]')).toHaveLength(2)

    await click(wrapper, 'Retirer caisse formée à Claire Dubois')
    expect(sent.at(-1)).toEqual({ method: 'DELETE', path: `${claire.memberId}/${trainedCashier.id}`, body: null })
    expect(wrapper.findAll('[data-testid="roster-member"]').map((h) => h.text())).toEqual(['Alice Martin (A-0003)'])

    await click(wrapper, 'premiers secoursaucun titulaire')
    expect(wrapper.text()).toContain("Personne n'a encore cette compétence.")
  })

  it('defines a skill and shows its holders at once', async () => {
    const sent = serve()
    const wrapper = await renderApp('/gestion/competences')
    await wrapper.get('input#skill-name').setValue('hygiène alimentaire')
    await click(wrapper, 'Créer la compétence')
    expect(sent.at(-1)).toEqual({ method: 'POST', path: 'skills', body: { name: 'hygiène alimentaire', description: null } })
    expect(wrapper.text()).toContain('Titulaires : hygiène alimentaire')
  })
})
