import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { instantOf } from '../../features/drive-admin/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, problem } from '../../test/http'
import { choose, click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'
import { shift } from '../../test/volunteering'

const inventory = shift({
  id: 'f0000000-0000-4000-8000-000000000009',
  task: 'inventaire',
  place: 'Réserve',
  startsAt: instantOf('2027-01-09', '09:00'),
  endsAt: instantOf('2027-01-09', '12:30'),
  seats: 4,
  freeSeats: 4,
  withdrawUntil: instantOf('2027-01-07', '09:00'),
})

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
  server.use(
    http.get(api('/shifts'), () => HttpResponse.json({ items: [], nextCursor: null })),
    http.get(api('/shift-tasks'), () =>
      HttpResponse.json({ items: ['accueil', 'inventaire'].map((name, i) => ({ id: `c0000000-0000-4000-8000-00000000000${i}`, name })) }),
    ),
  )
})

async function fill(wrapper: Awaited<ReturnType<typeof renderApp>>) {
  await choose(wrapper, '.p-select:has(#shift-form-task)', 'inventaire')
  await wrapper.get('#shift-form-place').setValue(' Réserve ')
  await wrapper.get('#shift-form-day').setValue('2027-01-09')
  await wrapper.get('#shift-form-from').setValue('09:00')
  await wrapper.get('#shift-form-to').setValue('12:30')
}

describe("the admins' volunteer shifts", () => {
  it('publishes a one-off shift at the local times typed, and lists it', async () => {
    let sent: unknown
    server.use(
      http.post(api('/shifts'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(inventory, { status: 201 })
      }),
    )
    const wrapper = await renderApp('/gestion/creneaux-benevolat')
    expect(wrapper.get('h1').text()).toBe('Créneaux de bénévolat')
    await fill(wrapper)
    await click(wrapper, 'Publier le créneau')

    expect(sent).toEqual({ task: 'inventaire', place: 'Réserve', startsAt: inventory.startsAt, endsAt: inventory.endsAt, seats: 2 })
    expect(wrapper.get(`[data-testid="shift-${inventory.id}"]`).text()).toContain('4 places libres sur 4')
  })

  it("shows the server's message beside the field it names", async () => {
    server.use(
      http.post(api('/shifts'), () => problem(400, { detail: 'Requête invalide', errors: [{ field: 'endsAt', message: 'doit être après le début' }] })),
    )
    const wrapper = await renderApp('/gestion/creneaux-benevolat')
    await fill(wrapper)
    await wrapper.get('#shift-form-to').setValue('08:00')
    await click(wrapper, 'Publier le créneau')
    expect(wrapper.get('#shift-form-to-error').text()).toBe('doit être après le début')
  })
})
