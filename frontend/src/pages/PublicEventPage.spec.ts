import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { keycloakLogin, keycloakSession } from '../test/fakeKeycloak'
import { api, problem } from '../test/http'
import { click } from '../test/interact'
import { renderApp } from '../test/renderApp'
import { server } from '../test/server'
import { freezeClock } from '../test/volunteering'
import { publicEvent } from '../test/workshops'

const soup = publicEvent()
const token = 'k'.repeat(43)

freezeClock()

describe('Événements publics, sans compte', () => {
  it('lists the public events to a visitor who is not signed in', async () => {
    keycloakSession.signedIn = false
    server.use(http.get(api('/public/events'), () => HttpResponse.json({ items: [soup], nextCursor: null })))
    const wrapper = await renderApp('/evenements')

    expect(keycloakLogin).not.toHaveBeenCalled()
    expect(wrapper.get('h1').text()).toBe('Événements de la coopérative')
    const link = wrapper.get(`a[href="/evenements/${soup.id}"]`)
    expect(link.text()).toContain('Disco soupe')
    expect(link.text()).toContain('Place du marché')
  })

  it('lets a visitor sign up with a name and an e-mail, and says a mail is on its way', async () => {
    keycloakSession.signedIn = false
    let sent: unknown
    server.use(
      http.get(api('/public/events/:id'), () => HttpResponse.json(soup)),
      http.post(api('/public/events/:id/registrations'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json({ status: 'CONFIRMED', waitingPosition: null, workshop: { ...soup, placesLeft: 11 } }, { status: 201 })
      }),
    )
    const wrapper = await renderApp(`/evenements/${soup.id}`)

    expect(keycloakLogin).not.toHaveBeenCalled()
    expect(wrapper.get('h1').text()).toBe('Disco soupe')
    expect(wrapper.text()).toContain('On cuisine les légumes invendus, en musique.')
    expect(wrapper.get('[data-testid="places-left"]').text()).toBe('Il reste 12 places')
    expect(wrapper.text()).toContain('effacés 30 jours après')
    await wrapper.get('input#guest-name').setValue('Sami Benali ')
    await wrapper.get('input#guest-email').setValue(' sami@example.org')
    await click(wrapper, "M'inscrire")

    expect(sent).toEqual({ name: 'Sami Benali', email: 'sami@example.org' })
    expect(wrapper.get('[data-testid="registered"]').text()).toContain('Un courriel de confirmation est parti à sami@example.org')
    expect(wrapper.get('[data-testid="places-left"]').text()).toBe('Il reste 11 places')
    expect(wrapper.find('input#guest-name').exists()).toBe(false)
  })

  it('tells a visitor on the waiting list their position, and shows field errors in place', async () => {
    keycloakSession.signedIn = false
    let tries = 0
    server.use(
      http.get(api('/public/events/:id'), () => HttpResponse.json({ ...soup, placesLeft: 0 })),
      http.post(api('/public/events/:id/registrations'), () => {
        tries += 1
        if (tries === 1) return problem(400, { type: 'https://panier.coop/problems/validation', detail: 'Certains champs sont invalides.', errors: [{ field: 'email', message: 'adresse électronique invalide' }] })
        return HttpResponse.json({ status: 'WAITING', waitingPosition: 2, workshop: { ...soup, placesLeft: 0 } }, { status: 201 })
      }),
    )
    const wrapper = await renderApp(`/evenements/${soup.id}`)
    expect(wrapper.get('[data-testid="places-left"]').text()).toContain("Complet : inscrivez-vous sur la liste d'attente")
    await wrapper.get('input#guest-name').setValue('Lou')
    await wrapper.get('input#guest-email').setValue('lou@')
    await click(wrapper, "M'inscrire")
    expect(wrapper.text()).toContain('adresse électronique invalide')

    await wrapper.get('input#guest-email').setValue('lou@example.org')
    await click(wrapper, "M'inscrire")
    expect(wrapper.get('[data-testid="registered"]').text()).toContain("vous êtes n° 2 sur la liste d'attente")
  })

  it('says so when the event is not public', async () => {
    keycloakSession.signedIn = false
    server.use(http.get(api('/public/events/:id'), () => problem(404, { detail: 'Introuvable' })))
    const wrapper = await renderApp(`/evenements/${soup.id}`)
    expect(wrapper.text()).toContain("Cet événement n'existe pas, ou n'est pas public.")
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it("cancels a guest's registration from the link of their mail", async () => {
    keycloakSession.signedIn = false
    let deleted = false
    server.use(
      http.get(api('/public/registrations/:token'), () => HttpResponse.json({ status: 'CONFIRMED', waitingPosition: null, workshop: soup })),
      http.delete(api('/public/registrations/:token'), ({ params }) => {
        deleted = params.token === token
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const wrapper = await renderApp(`/evenements/inscription/${token}`)

    expect(keycloakLogin).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Disco soupe')
    expect(wrapper.get('[data-testid="status"]').text()).toBe('Votre place est réservée.')
    await click(wrapper, 'Annuler mon inscription')
    expect(deleted).toBe(true)
    expect(wrapper.get('[data-testid="cancelled"]').text()).toContain('Votre inscription est annulée')
  })

  it('says so when the link no longer leads to a registration', async () => {
    keycloakSession.signedIn = false
    server.use(http.get(api('/public/registrations/:token'), () => problem(404, { detail: 'Aucune inscription' })))
    const wrapper = await renderApp(`/evenements/inscription/${token}`)
    expect(wrapper.text()).toContain('Aucune inscription en cours à ce lien')
    expect(wrapper.text()).not.toContain('Annuler mon inscription')
  })
})
