import { describe, expect, it } from 'vitest'
import { renderApp } from '../test/renderApp'

describe('the layout', () => {
  it('is in French first, and offers signing in', async () => {
    const wrapper = await renderApp('/')

    expect(wrapper.get('nav').text()).toBe('CataloguePanierMes commandesBénévolatLa coopMon compteMon adhésion')
    expect(wrapper.get('h1').text()).toBe('Bienvenue sur Panier')
    expect(document.documentElement.lang).toBe('fr')
  })

  it('offers signing in to a visitor', async () => {
    const { keycloakLogin, keycloakSession } = await import('../test/fakeKeycloak')
    keycloakSession.signedIn = false
    const wrapper = await renderApp('/')

    await wrapper.get('button[aria-label="Se connecter"]').trigger('click')

    expect(keycloakLogin).toHaveBeenCalledOnce()
    expect(wrapper.text()).toContain('Connectez-vous pour retrouver votre compte.')
    // A neighbour without an account finds the co-op's public events, and nothing of its members'.
    expect(wrapper.get('nav').text()).toBe('CatalogueÉvénementsMon compte')
    expect(wrapper.get('nav a[href="/evenements"]').text()).toBe('Événements')
  })

  it('switches the texts to English and back, and remembers the choice', async () => {
    const wrapper = await renderApp('/')
    const button = (code: string) => wrapper.findAll('[role="group"] button').find((b) => b.text() === code)!

    await button('EN').trigger('click')

    expect(wrapper.get('nav').text()).toBe('CatalogueBasketMy ordersVolunteeringThe co-opMy accountMy membership')
    expect(wrapper.get('h1').text()).toBe('Welcome to Panier')
    expect(wrapper.text()).toContain('Sign out')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('panier.locale')).toBe('en')

    await button('FR').trigger('click')

    expect(wrapper.get('h1').text()).toBe('Bienvenue sur Panier')
  })
})
