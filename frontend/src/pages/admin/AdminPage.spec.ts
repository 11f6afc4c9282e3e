import { flushPromises } from '@vue/test-utils'
import { http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, problem } from '../../test/http'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

describe('the management area', () => {
  it('is not in the navigation of a member who is not an admin', async () => {
    const wrapper = await renderApp('/')

    expect(wrapper.get('nav').text()).toBe('CataloguePanierMes commandesBénévolatLa coopMon compteMon adhésion')
  })

  it('stops a member who is not an admin at its door, without asking the API', async () => {
    // onUnhandledRequest: 'error' fails the test on any call to /members.
    const wrapper = await renderApp('/gestion/adherents')

    expect(wrapper.vm.$route.path).toBe('/acces-reserve')
    expect(wrapper.get('h1').text()).toBe('Accès réservé')
    expect(wrapper.text()).toContain('réservée aux bénévoles chargés de la gestion')
  })

  it('sends a visitor to Keycloak first', async () => {
    const { keycloakLogin } = await import('../../test/fakeKeycloak')
    keycloakSession.signedIn = false

    await renderApp('/gestion/baremes')

    expect(keycloakLogin).toHaveBeenCalledWith({ redirectUri: 'http://localhost:3000/gestion/baremes' })
  })

  it('is in the navigation of an admin, and opens on the dashboard', async () => {
    keycloakSession.roles = ['member', 'admin']
    server.use(http.get(api('/admin/dashboard'), () => problem(503)))

    const wrapper = await renderApp('/')
    expect(wrapper.get('nav').text()).toBe('CataloguePanierMes commandesBénévolatLa coopMon compteMon adhésionGestion')

    await wrapper.vm.$router.push('/gestion')
    await flushPromises()

    await vi.waitFor(() => expect(wrapper.find('h1').text()).toBe('Tableau de bord'), { timeout: 5000 })
    expect(wrapper.vm.$route.path).toBe('/gestion')
  })
})
