import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import type { Member } from '../features/members/meStore'
import { alice } from '../test/member'
import { renderApp } from '../test/renderApp'
import { apiBaseUrl, server } from '../test/server'

const meUrl = `${apiBaseUrl}/api/v1/me`

const feedUrl = (token: string) => `${apiBaseUrl}/api/v1/calendar-feeds/${token}`

function serveMe(member: Member = alice, etag = '"3"') {
  server.use(
    http.get(meUrl, () => HttpResponse.json(member, { headers: { ETag: etag } })),
    http.get(`${meUrl}/calendar-feed`, () => HttpResponse.json({ url: feedUrl('premier') })),
  )
}

function problem(status: number, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    { type: 'https://panier.coop/problems/test', title: 'Erreur', status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )
}

async function savePhone(wrapper: Awaited<ReturnType<typeof renderApp>>, phone: string) {
  await wrapper.get('input#phone').setValue(phone)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

describe('Mon compte', () => {
  it("shows the member's name, number, e-mail, status and membership date", async () => {
    serveMe()

    const wrapper = await renderApp('/compte')

    const text = wrapper.text()
    expect(text).toContain('Alice Martin')
    expect(text).toContain('A-0003')
    expect(text).toContain('alice@panier.example')
    expect(text).toContain('Active')
    expect(text).toContain('24 novembre 2026')
    expect(wrapper.get<HTMLInputElement>('input#phone').element.value).toBe('+33 6 00 00 00 01')
  })

  it('sends the bearer token of the Keycloak session', async () => {
    let authorization: string | null = null
    server.use(
      http.get(meUrl, ({ request }) => {
        authorization = request.headers.get('Authorization')
        return HttpResponse.json(alice, { headers: { ETag: '"3"' } })
      }),
    )

    await renderApp('/compte')

    expect(authorization).toBe('Bearer test-token')
  })

  it('turns the day-before reminder off, and keeps the membership reminder', async () => {
    serveMe()
    let body: Pick<Member, 'preferences'> | undefined
    server.use(
      http.put(meUrl, async ({ request }) => {
        body = (await request.json()) as Pick<Member, 'preferences'>
        return HttpResponse.json({ ...alice, ...body }, { headers: { ETag: '"4"' } })
      }),
    )
    const wrapper = await renderApp('/compte')
    expect(wrapper.text()).toContain('Rappels par courriel')
    expect(wrapper.get<HTMLInputElement>('input#pickup-reminder').element.checked).toBe(true)

    await wrapper.get('input#pickup-reminder').setValue(false)
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(body?.preferences).toEqual({ language: 'fr', pickupReminder: false, membershipReminder: true, volunteerOffers: true, proposalMails: true })
    expect(wrapper.get<HTMLInputElement>('input#pickup-reminder').element.checked).toBe(false)
  })

  it("turns the co-op's calls for volunteers off", async () => {
    serveMe()
    let body: Pick<Member, 'preferences'> | undefined
    server.use(
      http.put(meUrl, async ({ request }) => {
        body = (await request.json()) as Pick<Member, 'preferences'>
        return HttpResponse.json({ ...alice, ...body }, { headers: { ETag: '"4"' } })
      }),
    )
    const wrapper = await renderApp('/compte')
    expect(wrapper.get('label[for="volunteer-offers"]').text()).toBe(
      'Les appels aux bénévoles : un remplaçant cherché, un créneau qui manque de monde',
    )
    expect(wrapper.get<HTMLInputElement>('input#volunteer-offers').element.checked).toBe(true)

    await wrapper.get('input#volunteer-offers').setValue(false)
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(body?.preferences).toEqual({ language: 'fr', pickupReminder: true, membershipReminder: true, volunteerOffers: false, proposalMails: true })
    expect(wrapper.get<HTMLInputElement>('input#volunteer-offers').element.checked).toBe(false)
  })

  it('saves a new phone with the version it read, then shows it', async () => {
    serveMe()
    let sent: { ifMatch: string | null; body: unknown } | undefined
    server.use(
      http.put(meUrl, async ({ request }) => {
        const body = (await request.json()) as Pick<Member, 'phone' | 'preferences'>
        sent = { ifMatch: request.headers.get('If-Match'), body }
        return HttpResponse.json({ ...alice, ...body }, { headers: { ETag: '"4"' } })
      }),
    )
    const wrapper = await renderApp('/compte')

    await savePhone(wrapper, '  06 11 22 33 44 ')

    expect(sent).toEqual({
      ifMatch: '"3"',
      body: {
        phone: '06 11 22 33 44',
        preferences: { language: 'fr', pickupReminder: true, membershipReminder: true, volunteerOffers: true, proposalMails: true },
      },
    })
    expect(document.body.textContent).toContain('Profil enregistré')
    expect(wrapper.get<HTMLInputElement>('input#phone').element.value).toBe('06 11 22 33 44')
  })

  it("shows the server's message under the phone field", async () => {
    serveMe()
    server.use(
      http.put(meUrl, () =>
        problem(400, { errors: [{ field: 'phone', message: "n'est pas un numéro de téléphone" }] }),
      ),
    )
    const wrapper = await renderApp('/compte')

    await savePhone(wrapper, '+33 6 12 34 56 78')

    expect(wrapper.text()).toContain('Certaines informations sont invalides.')
    expect(wrapper.get('#phone-error').text()).toBe("n'est pas un numéro de téléphone")
    expect(wrapper.get('input#phone').attributes('aria-describedby')).toBe('phone-error')
  })

  it('refuses an invalid phone without calling the server', async () => {
    serveMe()
    let puts = 0
    server.use(
      http.put(meUrl, () => {
        puts++
        return HttpResponse.json(alice)
      }),
    )
    const wrapper = await renderApp('/compte')

    await savePhone(wrapper, 'call me maybe')

    expect(puts).toBe(0)
    expect(wrapper.get('#phone-error').text()).toContain('Numéro invalide')
  })

  it('tells the member to reload when the profile changed in between', async () => {
    serveMe()
    server.use(http.put(meUrl, () => problem(412)))
    const wrapper = await renderApp('/compte')

    await savePhone(wrapper, '+33 6 12 34 56 78')

    expect(wrapper.get('[role="alert"]').text()).toBe('Votre profil a été modifié entre-temps ; rechargez la page.')
  })

  it('gives a reference when the server fails', async () => {
    server.use(http.get(meUrl, () => problem(500, { correlationId: 'c0ffee42' })))

    const wrapper = await renderApp('/compte')

    expect(wrapper.get('[role="alert"]').text()).toBe('Une erreur inattendue est survenue. Référence : c0ffee42')
    expect(wrapper.text()).not.toContain('"status"')
  })

  it('says the server does not answer when it cannot be reached', async () => {
    server.use(http.get(meUrl, () => HttpResponse.error()))

    const wrapper = await renderApp('/compte')

    expect(wrapper.get('[role="alert"]').text()).toContain('Le serveur ne répond pas')
  })

  it('downloads everything Panier holds about the member as one JSON file', async () => {
    serveMe()
    let authorization: string | null = null
    server.use(
      http.get(`${meUrl}/export`, ({ request }) => {
        authorization = request.headers.get('Authorization')
        return HttpResponse.json({ exportedAt: '2026-12-04T10:00:00Z', profile: { memberNumber: 'A-0003' } })
      }),
    )
    // jsdom has no downloads: look at what the page hands to the browser.
    const files: { name: string; blob: Blob }[] = []
    let blob: Blob | undefined
    URL.createObjectURL = vi.fn((given: Blob) => ((blob = given), 'blob:my-data'))
    URL.revokeObjectURL = vi.fn()
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: blob! })
    })
    const wrapper = await renderApp('/compte')

    const button = wrapper.findAll('button').find((b) => b.text() === 'Télécharger mes données')
    await button!.trigger('click')
    await flushPromises()

    expect(authorization).toBe('Bearer test-token')
    expect(files.map((f) => f.name)).toEqual(['panier-mes-donnees-A-0003.json'])
    expect(JSON.parse(await files[0].blob.text()).profile.memberNumber).toBe('A-0003')
  })

  it('says so when the data cannot be downloaded', async () => {
    serveMe()
    server.use(http.get(`${meUrl}/export`, () => problem(500, { correlationId: 'beef' })))
    const wrapper = await renderApp('/compte')

    await wrapper.findAll('button').find((b) => b.text() === 'Télécharger mes données')!.trigger('click')
    await flushPromises()

    expect(document.body.textContent).toContain('Le téléchargement de vos données a échoué')
  })

  it("switches to the member's preferred language", async () => {
    serveMe({ ...alice, preferences: { language: 'en' } })

    const wrapper = await renderApp('/compte')

    expect(wrapper.get('h1').text()).toBe('My account')
    expect(wrapper.text()).toContain('Member since')
    expect(document.documentElement.lang).toBe('en')
  })

  it('sends a signed-out visitor to Keycloak, to come back here', async () => {
    const { keycloakLogin, keycloakSession } = await import('../test/fakeKeycloak')
    keycloakSession.signedIn = false

    await renderApp('/compte')

    expect(keycloakLogin).toHaveBeenCalledWith({ redirectUri: 'http://localhost:3000/compte' })
  })

  it("shows the calendar's secret address, and a new one replaces it when asked", async () => {
    serveMe()
    let rotated = 0
    server.use(
      http.post(`${meUrl}/calendar-feed/rotate`, () => {
        rotated++
        return HttpResponse.json({ url: feedUrl('second') })
      }),
    )

    const wrapper = await renderApp('/compte')
    await flushPromises()

    expect(wrapper.text()).toContain('Mon calendrier')
    expect(wrapper.get<HTMLInputElement>('input#calendar-url').element.value).toBe(feedUrl('premier'))
    await wrapper.findAll('button').find((b) => b.text() === 'Nouvelle adresse')!.trigger('click')
    await flushPromises()
    expect(rotated).toBe(1)
    expect(wrapper.get<HTMLInputElement>('input#calendar-url').element.value).toBe(feedUrl('second'))
  })
})
