import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PickupSlot, PickupSlotSeriesInput, PickupSlotUpdate } from '../../features/drive-admin/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { fill, place, press, screen, slot } from '../../test/driveAdmin'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const page = '/gestion/creneaux?semaine=2026-11-30'

const first = slot('2026-12-04', '17:00', '17:30', { booked: 3, placesLeft: 9 })
const full = slot('2026-12-04', '17:30', '18:00', { booked: 12, placesLeft: 0, waitlistLength: 2, orderable: false })
const saturday = slot('2026-12-05', '10:00', '10:30', { status: 'CLOSED', orderable: false })
const flooded = slot('2026-12-11', '17:00', '17:30', { status: 'CANCELLED', cancelReason: 'Le local est inondé.', placesLeft: 0 })

/** The slots as the server knows them, and the periods asked for. */
function serveSlots(initial: PickupSlot[] = [first, full, saturday, flooded]) {
  const state = { slots: initial }
  const asked: URLSearchParams[] = []
  server.use(
    http.get(api('/pickup-slots'), ({ request }) => {
      asked.push(new URL(request.url).searchParams)
      return HttpResponse.json({ items: state.slots })
    }),
  )
  return { state, asked }
}

const rows = () => screen().findAll('tbody tr').map((row) => plain(row.text()))

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the slots overview', () => {
  it('shows four weeks of slots, week by week and day by day, in French', async () => {
    const { asked } = serveSlots()
    const wrapper = await renderApp(page)

    expect(wrapper.get('h1').text()).toBe('Créneaux de retrait')
    expect(asked[0]!.get('from')).toBe('2026-11-30')
    expect(asked[0]!.get('to')).toBe('2026-12-27')
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual([
      'Semaine du lundi 30 novembre 2026',
      'Semaine du lundi 7 décembre 2026',
    ])
    expect(wrapper.findAll('h3').map((h) => h.text())).toEqual([
      'vendredi 4 décembre 2026',
      'samedi 5 décembre 2026',
      'vendredi 11 décembre 2026',
    ])
    const [one, two, three, four] = rows()
    expect(one).toContain('17:00–17:30')
    expect(one).toContain(place)
    expect(one).toContain('3 / 12')
    expect(one).toContain('Ouvert')
    expect(two).toContain('12 / 12')
    expect(two).toContain('Complet')
    expect(wrapper.findAll('tbody tr')[1]!.findAll('td')[3]!.text()).toBe('2')
    expect(three).toContain('Fermé')
    expect(four).toContain('Annulé')
    expect(four).toContain('Le local est inondé.')
    // A cancelled slot has nothing left to change, prepare or cancel.
    expect(wrapper.findAll('tbody tr')[3]!.findAll('button')).toHaveLength(0)
    expect(wrapper.get('[data-testid="booked"]').attributes('href')).toBe(`/gestion/commandes?jour=2026-12-04&creneau=${first.id}`)
  })

  it('moves four weeks at a time, keeping the week in the address', async () => {
    const { asked } = serveSlots([])
    const wrapper = await renderApp(page)
    expect(wrapper.text()).toContain('Aucun créneau sur ces semaines.')

    await press('Semaines suivantes')

    await vi.waitFor(() => expect(asked.at(-1)?.get('from')).toBe('2026-12-28'))
    expect(asked.at(-1)?.get('to')).toBe('2027-01-24')
    expect(wrapper.vm.$route.query).toEqual({ semaine: '2026-12-28' })
  })
})

describe('publishing slots', () => {
  it('previews how many slots a series makes, and sends it', async () => {
    const { state, asked } = serveSlots([])
    const sent: PickupSlotSeriesInput[] = []
    server.use(
      http.post(api('/pickup-slots/series'), async ({ request }) => {
        const body = (await request.json()) as PickupSlotSeriesInput
        sent.push(body)
        state.slots = [first, full]
        return HttpResponse.json({ items: [first, full, saturday, flooded] }, { status: 201 })
      }),
    )
    const wrapper = await renderApp(page)

    await press('Publier une série')
    await fill('series-place', 'Salle des fêtes')
    await fill('series-first-day', '2026-12-04')
    const preview = () => plain(screen().get('[data-testid="series-preview"]').text())
    // The defaults: 8 weeks of 17:00–19:00 in half hours.
    expect(preview()).toBe(
      '32 créneaux seront créés : 4 par vendredi, de 17:00 à 19:00, du vendredi 4 décembre 2026 au vendredi 22 janvier 2027.',
    )

    await fill('series-weeks', '2')
    await fill('series-to', '18:45')
    await fill('series-slot-minutes', '20')
    // 105 minutes make five whole slots of 20 minutes.
    expect(preview()).toBe(
      '10 créneaux seront créés : 5 par vendredi, de 17:00 à 18:45, du vendredi 4 décembre 2026 au vendredi 11 décembre 2026.',
    )
    await fill('series-capacity', '8')
    await fill('series-deadline', '24')
    await press('Publier 10 créneaux')

    expect(sent).toEqual([
      {
        place: 'Salle des fêtes',
        firstDay: '2026-12-04',
        weeks: 2,
        from: '17:00',
        to: '18:45',
        slotMinutes: 20,
        capacity: 8,
        deadlineHoursBefore: 24,
      },
    ])
    expect(document.body.textContent).toContain('4 créneaux publiés')
    expect(screen().find('[data-testid="series-preview"]').exists()).toBe(false)
    await vi.waitFor(() => expect(rows()).toHaveLength(2))
    expect(asked.at(-1)?.get('from')).toBe('2026-11-30')
    expect(wrapper.vm.$route.query).toEqual({ semaine: '2026-11-30' })
  })

  it('says when the hours make no slot, and sends nothing', async () => {
    serveSlots([])
    let sent = false
    server.use(http.post(api('/pickup-slots/series'), () => ((sent = true), HttpResponse.json({ items: [] }, { status: 201 }))))
    await renderApp(page)

    await press('Publier une série')
    await fill('series-place', place)
    await fill('series-to', '16:00')
    expect(plain(screen().get('[data-testid="series-preview"]').text())).toBe(
      "Aucun créneau ne sera créé. Vérifiez les heures et la durée d'un créneau.",
    )
    await press('Publier 0 créneau')

    expect(sent).toBe(false)
    expect(screen().get('#series-to-error').text()).toBe('La fin doit venir après le début.')
  })

  it('publishes one slot at a time of day with its offset, the deadline left to the server', async () => {
    const { state } = serveSlots([first])
    let sent: unknown
    server.use(
      http.post(api('/pickup-slots'), async ({ request }) => {
        sent = await request.json()
        state.slots = [first, saturday]
        return HttpResponse.json(saturday, { status: 201 })
      }),
    )
    await renderApp(page)

    await press('Publier un créneau')
    // The form starts at the place of the last slot shown.
    expect((screen().get('#slot-place').element as HTMLInputElement).value).toBe(place)
    await fill('slot-day', '2026-12-05')
    await fill('slot-from', '10:00')
    await fill('slot-to', '10:30')
    await fill('slot-capacity', '6')
    await press('Publier le créneau')

    const offset = (iso: string) => iso.slice(-6)
    expect(sent).toEqual({
      place,
      startsAt: expect.stringMatching(/^2026-12-05T10:00:00[+-]\d{2}:\d{2}$/),
      endsAt: expect.stringMatching(/^2026-12-05T10:30:00[+-]\d{2}:\d{2}$/),
      capacity: 6,
      orderDeadline: null,
    })
    expect(Date.parse((sent as { startsAt: string }).startsAt)).toBe(Date.parse(saturday.startsAt))
    expect(offset((sent as { startsAt: string }).startsAt)).toBe(offset(saturday.startsAt))
    expect(document.body.textContent).toContain('1 créneau publié')
    await vi.waitFor(() => expect(rows()).toHaveLength(2))
  })
})

describe('changing a slot', () => {
  function serveOne(current: PickupSlot, etag = '"4"') {
    const puts: { ifMatch: string | null; body: PickupSlotUpdate }[] = []
    server.use(http.get(api('/pickup-slots/:id'), () => HttpResponse.json(current, { headers: { ETag: etag } })))
    return puts
  }

  it('sends the capacity, deadline and status with the version read', async () => {
    serveSlots([first])
    const puts = serveOne(first)
    server.use(
      http.put(api('/pickup-slots/:id'), async ({ request }) => {
        const body = (await request.json()) as PickupSlotUpdate
        puts.push({ ifMatch: request.headers.get('If-Match'), body })
        return HttpResponse.json({ ...first, ...body, orderDeadline: first.orderDeadline }, { headers: { ETag: '"5"' } })
      }),
    )
    const wrapper = await renderApp(page)

    await press('Modifier le créneau de 17:00–17:30')
    await vi.waitFor(() => expect(screen().find('#edit-capacity').exists()).toBe(true))
    expect(screen().get('#edit-capacity-help').text()).toBe('3 commandes déjà prises.')
    await fill('edit-capacity', '15')
    await press('Fermé')
    await press('Enregistrer')

    expect(puts).toHaveLength(1)
    expect(puts[0]!.ifMatch).toBe('"4"')
    expect(puts[0]!.body).toEqual({ place, capacity: 15, orderDeadline: expect.any(String), status: 'CLOSED' })
    expect(Date.parse(puts[0]!.body.orderDeadline)).toBe(Date.parse(first.orderDeadline))
    expect(document.body.textContent).toContain('Créneau enregistré')
    expect(rows()[0]).toContain('3 / 15')
    expect(wrapper.get('[data-testid="slot-status"]').text()).toBe('Fermé')
  })

  it('refuses a capacity below the orders taken, and shows the server saying so when more came meanwhile', async () => {
    serveSlots([first])
    serveOne(first)
    let puts = 0
    server.use(
      http.put(api('/pickup-slots/:id'), () => {
        puts++
        return problem(409, { detail: 'Le créneau a déjà 5 commandes : sa capacité ne peut pas descendre à 4.' })
      }),
    )
    await renderApp(page)
    await press('Modifier le créneau de 17:00–17:30')
    await vi.waitFor(() => expect(screen().find('#edit-capacity').exists()).toBe(true))

    await fill('edit-capacity', '2')
    await press('Enregistrer')
    expect(puts).toBe(0)
    expect(screen().get('#edit-capacity-error').text()).toBe('Au moins 3 : les commandes déjà prises gardent leur place.')

    await fill('edit-capacity', '4')
    await press('Enregistrer')
    expect(puts).toBe(1)
    expect(screen().get('.p-dialog [role="alert"]').text()).toBe(
      'Le créneau a déjà 5 commandes : sa capacité ne peut pas descendre à 4.',
    )
  })

  it('says what a 409 without explanation means here', async () => {
    serveSlots([first])
    serveOne(first)
    server.use(http.put(api('/pickup-slots/:id'), () => problem(409)))
    await renderApp(page)
    await press('Modifier le créneau de 17:00–17:30')
    await vi.waitFor(() => expect(screen().find('#edit-capacity').exists()).toBe(true))

    await press('Enregistrer')

    expect(screen().get('.p-dialog [role="alert"]').text()).toBe(
      'La capacité ne peut pas descendre sous le nombre de commandes déjà prises.',
    )
  })

  it('says when someone else changed the slot first, and reloads it on demand', async () => {
    serveSlots([first])
    serveOne(first)
    const ifMatches: (string | null)[] = []
    server.use(
      http.put(api('/pickup-slots/:id'), ({ request }) => {
        ifMatches.push(request.headers.get('If-Match'))
        return problem(412)
      }),
    )
    await renderApp(page)
    await press('Modifier le créneau de 17:00–17:30')
    await vi.waitFor(() => expect(screen().find('#edit-capacity').exists()).toBe(true))

    await press('Enregistrer')
    expect(screen().get('.p-dialog [role="alert"]').text()).toBe(
      'Ce créneau a été modifié entre-temps : rechargez-le, puis refaites vos changements.',
    )

    serveOne({ ...first, capacity: 20, booked: 4 }, '"6"')
    await press('Recharger le créneau')
    expect((screen().get('#edit-capacity').element as HTMLInputElement).value).toBe('20')
    expect(screen().get('#edit-capacity-help').text()).toBe('4 commandes déjà prises.')
    expect(screen().find('.p-dialog [role="alert"]').exists()).toBe(false)
    await press('Enregistrer')
    expect(ifMatches).toEqual(['"4"', '"6"'])
  })
})

describe('cancelling a slot', () => {
  it('asks for the reason the members will read before cancelling', async () => {
    serveSlots([first])
    const sent: unknown[] = []
    server.use(
      http.post(api('/pickup-slots/:id/cancel'), async ({ request }) => {
        sent.push(await request.json())
        return HttpResponse.json({ ...first, status: 'CANCELLED', cancelReason: 'Le local est inondé.' })
      }),
    )
    const wrapper = await renderApp(page)

    await press('Annuler le créneau de 17:00–17:30')
    expect(screen().get('.p-dialog').text()).toContain(
      "Ses 3 commandes seront annulées et leur stock rendu ; les adhérents verront la raison. C'est définitif.",
    )
    await press('Annuler le créneau')
    expect(sent).toEqual([])
    expect(screen().get('#cancel-reason-error').text()).toBe('Indiquez la raison (500 caractères au plus).')

    await screen().get('#cancel-reason').setValue('   ')
    await press('Annuler le créneau')
    expect(sent).toEqual([])

    await screen().get('#cancel-reason').setValue('Le local est inondé.')
    await press('Annuler le créneau')

    expect(sent).toEqual([{ reason: 'Le local est inondé.' }])
    expect(screen().find('.p-dialog').exists()).toBe(false)
    expect(wrapper.get('[data-testid="slot-status"]').text()).toBe('Annulé')
    expect(rows()[0]).toContain('Le local est inondé.')
    expect(document.body.textContent).toContain('Créneau annulé')
  })

  it('keeps the slot when the admin changes their mind', async () => {
    serveSlots([first])
    await renderApp(page)

    await press('Annuler le créneau de 17:00–17:30')
    await press('Garder le créneau')

    expect(screen().find('.p-dialog').exists()).toBe(false)
    expect(rows()[0]).toContain('Ouvert')
  })
})

describe('the preparation lists', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('downloads a slot as PDF and a whole day as CSV, with the bearer token', async () => {
    serveSlots([first, full])
    const asked: { path: string; accept: string | null; authorization: string | null }[] = []
    const answer = (request: Request) => {
      const accept = request.headers.get('Accept')
      asked.push({ path: new URL(request.url).pathname, accept, authorization: request.headers.get('Authorization') })
      return accept === 'application/pdf'
        ? new HttpResponse('%PDF-1.4 A-0003', { headers: { 'Content-Type': 'application/pdf' } })
        : new HttpResponse('commande;adhérent\n41;A-0003\n', { headers: { 'Content-Type': 'text/csv' } })
    }
    server.use(
      http.get(api('/pickup-slots/:id/preparation-list'), ({ request }) => answer(request)),
      http.get(api('/preparation-lists/:day'), ({ request }) => answer(request)),
    )
    // jsdom has no downloads: look at what the page hands to the browser.
    const files: { name: string; blob: Blob }[] = []
    let blob: Blob | undefined
    URL.createObjectURL = vi.fn((given: Blob) => ((blob = given), 'blob:preparation'))
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: blob! })
    })
    await renderApp(page)

    await press('Liste de préparation du créneau de 17:00–17:30 (PDF)')
    await press('Liste du jour (CSV), vendredi 4 décembre 2026')
    await flushPromises()

    expect(asked).toEqual([
      { path: `/api/v1/pickup-slots/${first.id}/preparation-list`, accept: 'application/pdf', authorization: 'Bearer test-token' },
      { path: '/api/v1/preparation-lists/2026-12-04', accept: 'text/csv', authorization: 'Bearer test-token' },
    ])
    expect(files.map((f) => f.name)).toEqual(['preparation-2026-12-04-17h00.pdf', 'preparation-2026-12-04.csv'])
    expect(await files[0]!.blob.text()).toBe('%PDF-1.4 A-0003')
    expect(await files[1]!.blob.text()).toContain('41;A-0003')
  })

  it('says so when a list cannot be downloaded', async () => {
    serveSlots([first])
    server.use(http.get(api('/pickup-slots/:id/preparation-list'), () => problem(403)))
    await renderApp(page)

    await press('Liste de préparation du créneau de 17:00–17:30 (PDF)')

    expect(document.body.textContent).toContain("Le téléchargement n'a pas abouti")
    expect(document.body.textContent).toContain("Vous n'avez pas le droit de faire cela.")
  })
})
