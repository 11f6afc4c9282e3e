import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { instantOf } from '../../features/drive-admin/model'
import type { RegularSeat, ShiftTemplate } from '../../features/volunteering/templates/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, problem } from '../../test/http'
import { choose, click } from '../../test/interact'
import { alice } from '../../test/member'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'
import { firstAid, tasks, template, trainedCashier } from '../../test/shiftsAdmin'

type Sent = { method: string; body: unknown; ifMatch: string | null; key: string | null }

const existing = template({ regularSeats: 1 })
const bruno: RegularSeat = {
  templateId: existing.id,
  memberId: 'a0000000-0000-4000-8000-000000000004',
  memberNumber: 'A-0004',
  firstName: 'Bruno',
  lastName: 'Moreau',
  since: '2026-11-02T10:00:00+01:00',
}

/** The server of one template, its tasks, skills and regular seats; what the page sent. */
function serve(initial: ShiftTemplate = existing) {
  const sent: Sent[] = []
  let current = initial
  let seats: RegularSeat[] = [bruno]
  const record = async (request: Request) => {
    sent.push({
      method: request.method,
      body: request.method === 'DELETE' ? null : await request.json().catch(() => null),
      ifMatch: request.headers.get('If-Match'),
      key: request.headers.get('Idempotency-Key'),
    })
  }
  server.use(
    http.get(api('/shift-tasks'), () => HttpResponse.json({ items: tasks })),
    http.get(api('/skills'), () => HttpResponse.json({ items: [trainedCashier, firstAid] })),
    http.get(api('/shift-templates/:id'), () => HttpResponse.json(current, { headers: { ETag: '"4"' } })),
    http.post(api('/shift-templates'), async ({ request }) => {
      await record(request)
      current = { ...current, ...(sent.at(-1)!.body as object), id: 'c3000000-0000-4000-8000-0000000000ff' } as ShiftTemplate
      return HttpResponse.json(current, { status: 201, headers: { ETag: '"0"' } })
    }),
    http.put(api('/shift-templates/:id'), async ({ request }) => {
      await record(request)
      current = {
        ...current,
        ...(sent.at(-1)!.body as object),
        keptShifts: [{ shiftId: 'f0000000-0000-4000-8000-000000000009', startsAt: instantOf('2026-12-09', '17:00'), endsAt: instantOf('2026-12-09', '19:00'), signedUp: 2 }],
      }
      return HttpResponse.json(current, { headers: { ETag: '"5"' } })
    }),
    http.delete(api('/shift-templates/:id'), async ({ request }) => {
      await record(request)
      return new HttpResponse(null, { status: 204 })
    }),
    http.get(api('/shift-templates'), () => HttpResponse.json({ items: [] })),
    http.get(api('/shift-cycle'), () => HttpResponse.json({ startsOn: '2026-01-05', currentWeek: 'B', inUse: false })),
    http.get(api('/shift-templates/:id/regular-seats'), () => HttpResponse.json({ items: seats })),
    http.post(api('/shift-templates/:id/regular-seats'), async ({ request }) => {
      await record(request)
      const seat = { ...bruno, memberId: alice.id, memberNumber: alice.memberNumber, firstName: 'Alice', lastName: 'Martin' }
      seats = [...seats, seat]
      return HttpResponse.json({ ...seat, notSignedUpOn: ['2026-12-16T17:00:00+01:00'] }, { status: 201 })
    }),
    http.delete(api('/shift-templates/:id/regular-seats/:memberId'), async ({ request, params }) => {
      await record(request)
      seats = seats.filter((s) => s.memberId !== params.memberId)
      return new HttpResponse(null, { status: 204 })
    }),
    http.get(api('/members'), () => HttpResponse.json({ items: [alice], nextCursor: null })),
  )
  return sent
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('a shift template', () => {
  it('is created from a checked form, once per key, and then opened', { timeout: 20_000 }, async () => {
    const sent = serve()
    const wrapper = await renderApp('/gestion/creneaux-types/nouveau')
    expect(wrapper.get('h1').text()).toBe('Nouveau créneau type')

    await click(wrapper, 'Créer le créneau type')
    expect(sent).toEqual([])
    expect(wrapper.get('#template-task-error').text()).toBe('Choisissez une tâche.')
    expect(wrapper.get('#template-place-error').text()).toBe('Le lieu est requis (200 caractères au plus).')

    await choose(wrapper, '#template-task', 'accueil')
    await wrapper.get('input#template-place').setValue(' Local de la coop ')
    await choose(wrapper, '#template-weekday', 'vendredi')
    await wrapper.get('input#template-start').setValue('16:45')
    await click(wrapper, 'Une semaine sur quatre')
    await click(wrapper, 'C')
    await click(wrapper, 'Demander une compétence')
    await choose(wrapper, '#template-skill-0', 'premiers secours')
    await click(wrapper, 'Créer le créneau type')

    expect(sent).toHaveLength(1)
    expect(sent[0]!.key).toMatch(/.{8,}/)
    expect(sent[0]!.body).toEqual({
      task: 'accueil',
      place: 'Local de la coop',
      weekday: 'FRIDAY',
      startTime: '16:45',
      endTime: '19:00',
      seats: 3,
      skilledSeats: [{ skillId: firstAid.id, seats: 1 }],
      recurrence: 'CYCLE',
      cycleWeek: 'C',
      startsOn: null,
    })
    await vi.waitFor(() => expect(wrapper.vm.$route.path).toBe('/gestion/creneaux-types/c3000000-0000-4000-8000-0000000000ff'))
    expect(document.body.textContent).toContain('Créneau type créé')
  })

  it('is changed with the version read, and lists the shifts kept as they were', async () => {
    const sent = serve()
    const wrapper = await renderApp(`/gestion/creneaux-types/${existing.id}`)
    expect(wrapper.get('h1').text()).toBe('caisse · mercredi 17:00 – 19:00')
    expect(wrapper.find('[data-testid="kept-shifts"]').exists()).toBe(false)

    await wrapper.get('input#template-end').setValue('19:30')
    await click(wrapper, 'Enregistrer')
    expect(sent).toMatchObject([{ method: 'PUT', ifMatch: '"4"', body: { endTime: '19:30', recurrence: 'WEEKLY' } }])
    expect(sent[0]!.body).not.toHaveProperty('cycleWeek')
    expect(wrapper.get('[data-testid="kept-shifts"]').text()).toContain('mercredi 9 décembre, 17:00 – 19:00 · 2 inscrit·e·s')
    expect(document.body.textContent).toContain('ses créneaux à venir ont suivi')
  })

  it("says the server's refusal", async () => {
    serve()
    server.use(
      http.put(api('/shift-templates/:id'), () =>
        problem(409, { detail: '2 adhérents ont une place fixe dans ce créneau : il ne peut pas avoir moins de places.' }),
      ),
    )
    const wrapper = await renderApp(`/gestion/creneaux-types/${existing.id}`)
    await click(wrapper, 'Enregistrer')
    expect(wrapper.get('[role="alert"]').text()).toContain('2 adhérents ont une place fixe')
  })

  it('gives a regular seat, says the shifts it could not take, and releases one', async () => {
    const sent = serve()
    const wrapper = await renderApp(`/gestion/creneaux-types/${existing.id}`)
    expect(wrapper.get('[data-testid="regular-count"]').text()).toBe('1 place fixe sur 3')
    expect(wrapper.findAll('[data-testid="roster-member"]').map((li) => li.text())).toEqual([
      expect.stringContaining('Bruno Moreau (A-0004)'),
    ])

    await wrapper.get('input#regular-member').setValue('ali')
    await vi.waitFor(() => expect(document.body.querySelector('[role="option"]')?.textContent).toContain('Alice Martin'), {
      timeout: 3000,
    })
    document.body.querySelector<HTMLElement>('[role="option"]')!.click()
    await flushPromises()
    await click(wrapper, 'Donner une place fixe')
    expect(sent.at(-1)).toMatchObject({ method: 'POST', body: { memberId: alice.id } })
    expect(wrapper.get('[data-testid="missed"]').text()).toContain('16 décembre 2026')
    expect(wrapper.get('[data-testid="regular-count"]').text()).toBe('2 places fixes sur 3')

    await click(wrapper, 'Libérer la place fixe de Bruno Moreau')
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE' })
    expect(wrapper.findAll('[data-testid="roster-member"]').map((li) => li.text())).toEqual([expect.stringContaining('Alice Martin')])
  })

  it('is ended after a warning, and the list opens again', async () => {
    const sent = serve()
    const wrapper = await renderApp(`/gestion/creneaux-types/${existing.id}`)
    await click(wrapper, 'Arrêter ce créneau type')
    expect(document.body.textContent).toContain('Ses créneaux à venir seront annulés')
    const confirm = Array.from(document.body.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Arrêter')!
    confirm.click()
    await flushPromises()
    expect(sent).toMatchObject([{ method: 'DELETE' }])
    await vi.waitFor(() => expect(wrapper.vm.$route.path).toBe('/gestion/creneaux-types'))
  })
})
