import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { keycloakSession } from '../../test/fakeKeycloak'
import { members, order, press, slotAt } from '../../test/driveAdmin'
import { api } from '../../test/http'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'
import { doorOpenAt, type DoorAccess } from './doorAccess'

const hour = 3600_000
const shiftId = 'f0000000-0000-4000-8000-000000000009'

/** A door shift starting `startsIn` from now and lasting two hours, with its window an hour either side. */
function doorShift(startsIn: number, task = 'accueil'): DoorAccess {
  const start = Date.now() + startsIn
  const iso = (t: number) => new Date(t).toISOString()
  return {
    open: start - hour <= Date.now() && Date.now() < start + 3 * hour,
    from: iso(start - hour),
    until: iso(start + 3 * hour),
    shift: { shiftId, task, place: 'Local de la coop', startsAt: iso(start), endsAt: iso(start + 2 * hour) },
  }
}

function serve(access: DoorAccess) {
  const slot = slotAt(new Date(Date.now() + hour), 30)
  server.use(
    http.get(api('/me/door-access'), () => HttpResponse.json(access)),
    http.get(api('/pickup-slots'), () => HttpResponse.json({ items: [slot] })),
    http.get(api('/orders'), () => HttpResponse.json({ items: [order(slot, members.alice)], nextCursor: null })),
  )
  return slot
}

describe('the door window', () => {
  it('is open from its start to its end, as the server gave them', () => {
    const access = doorShift(30 * 60_000)
    expect(doorOpenAt(access, new Date())).toBe(true)
    expect(doorOpenAt(access, new Date(access.from!))).toBe(true)
    expect(doorOpenAt(access, new Date(new Date(access.until!).getTime() - 1))).toBe(true)
    expect(doorOpenAt(access, new Date(access.until!))).toBe(false)
    expect(doorOpenAt(access, new Date(new Date(access.from!).getTime() - 1))).toBe(false)
    expect(doorOpenAt({ open: false }, new Date())).toBe(false)
    expect(doorOpenAt(undefined, new Date())).toBe(false)
  })
})

describe('a member at the door, without admin rights', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('finds the pickup screen in the bar during their door shift, and only that page of the management area', async () => {
    serve(doorShift(30 * 60_000))
    const wrapper = await renderApp('/')

    const link = wrapper.get('[data-testid="door-link"]')
    expect(link.text()).toBe('Retrait')
    expect(link.attributes('href')).toBe('/gestion/retrait')
    expect(wrapper.get('nav').text()).not.toContain('Gestion')

    await wrapper.vm.$router.push('/gestion/retrait')
    await flushPromises()
    expect(wrapper.vm.$route.path).toBe('/gestion/retrait')
    expect(wrapper.get('h1').text()).toBe('Retrait des paniers')
    expect(wrapper.get('[data-testid="door-note"]').text()).toMatch(
      /^Vous êtes au retrait pour votre créneau « accueil » : cet écran vous est ouvert jusqu'au .+\.$/,
    )
    expect(wrapper.get('nav[aria-label="Gestion"]').findAll('a').map((a) => a.text())).toEqual(['Retrait'])
    await vi.waitFor(() => expect(wrapper.findAll('.order .name').map((n) => n.text())).toEqual(['Alice Martin']))

    await wrapper.vm.$router.push('/gestion/commandes')
    await flushPromises()
    expect(wrapper.vm.$route.path).toBe('/acces-reserve')
  })

  it('opens the pickup screen straight from its address, and downloads the preparation list', async () => {
    const slot = serve(doorShift(-hour))
    const asked: string[] = []
    server.use(
      http.get(api('/pickup-slots/:id/preparation-list'), ({ request }) => {
        asked.push(`${new URL(request.url).pathname} ${request.headers.get('Accept')}`)
        return new HttpResponse('%PDF-1.4', { headers: { 'Content-Type': 'application/pdf' } })
      }),
    )
    URL.createObjectURL = vi.fn(() => 'blob:preparation')
    URL.revokeObjectURL = vi.fn()
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    const wrapper = await renderApp('/gestion/retrait')

    expect(wrapper.vm.$route.path).toBe('/gestion/retrait')
    await press('Liste de préparation (PDF)')
    await flushPromises()
    expect(asked).toEqual([`/api/v1/pickup-slots/${slot.id}/preparation-list application/pdf`])
    expect(saved).toHaveLength(1)
  })

  it('is kept out the day before the shift, and offered no link', async () => {
    serve(doorShift(24 * hour))
    const wrapper = await renderApp('/gestion/retrait')

    expect(wrapper.vm.$route.path).toBe('/acces-reserve')
    expect(wrapper.find('[data-testid="door-link"]').exists()).toBe(false)
  })

  it('is kept out when the server cannot say', async () => {
    server.use(http.get(api('/me/door-access'), () => HttpResponse.json({ message: 'panne' }, { status: 500 })))
    const wrapper = await renderApp('/gestion/retrait')

    expect(wrapper.vm.$route.path).toBe('/acces-reserve')
  })

  it('leaves an admin as they were: the whole area, no door note', async () => {
    keycloakSession.roles = ['member', 'admin']
    const asked = vi.fn()
    serve(doorShift(24 * hour))
    server.use(http.get(api('/me/door-access'), () => (asked(), HttpResponse.json({ open: false }))))
    const wrapper = await renderApp('/gestion/retrait')

    expect(wrapper.vm.$route.path).toBe('/gestion/retrait')
    expect(wrapper.find('[data-testid="door-note"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="door-link"]').exists()).toBe(false)
    expect(asked).not.toHaveBeenCalled()
  })
})
