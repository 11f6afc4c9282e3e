import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../i18n'
import { describeError } from './describeError'
import { ApiError } from './problem'

const { t } = createAppI18n('fr').global

describe('describeError', () => {
  it('says which information is invalid, field by field, with the server messages', () => {
    const error = new ApiError(400, {
      type: 'https://panier.coop/problems/validation',
      title: 'Requête invalide',
      status: 400,
      errors: [
        { field: 'phone', message: 'format invalide' },
        { field: 'phone', message: 'trop long' },
        { field: 'email', message: 'ne peut pas être modifié ici' },
      ],
    })

    expect(describeError(error, t)).toEqual({
      message: 'Certaines informations sont invalides.',
      fieldErrors: { phone: 'format invalide ; trop long', email: 'ne peut pas être modifié ici' },
    })
  })

  it.each([
    [401, 'Votre session a expiré. Reconnectez-vous.'],
    [403, "Vous n'avez pas le droit de faire cela."],
    [404, 'Ce que vous cherchez est introuvable.'],
    [409, "Cette action entre en conflit avec l'état actuel des données."],
    [412, 'Votre profil a été modifié entre-temps ; rechargez la page.'],
    [428, "La modification n'a pas pu être vérifiée ; rechargez la page et réessayez."],
    [415, "La demande n'a pas abouti (erreur 415)."],
  ])('explains a %i in French', (status, message) => {
    const error = new ApiError(status, { type: 'about:blank', title: 'Erreur', status })

    expect(describeError(error, t).message).toBe(message)
  })

  it("passes on the server's own explanation of a conflict", () => {
    const error = new ApiError(409, {
      type: 'https://panier.coop/problems/conflict',
      title: 'Conflit',
      status: 409,
      detail: "Votre adhésion court jusqu'au 31 août 2027.",
    })

    expect(describeError(error, t).message).toBe("Votre adhésion court jusqu'au 31 août 2027.")
  })

  it('lets a screen say what changed in between', () => {
    const error = new ApiError(412, { type: 'about:blank', title: 'Erreur', status: 412 })

    expect(describeError(error, t, { 412: 'errors.stale' }).message).toBe(
      'Ces informations ont été modifiées entre-temps ; rechargez la page.',
    )
  })

  it('gives the correlation id of a server error as a reference', () => {
    const error = new ApiError(500, { type: 'about:blank', title: 'Erreur', status: 500, correlationId: 'c0ffee42' })

    expect(describeError(error, t).message).toBe('Une erreur inattendue est survenue. Référence : c0ffee42')
  })

  it('handles a 502 from a proxy that sent no problem document', () => {
    expect(describeError(new ApiError(502), t).message).toBe('Une erreur inattendue est survenue.')
  })

  it('says the server does not answer when the network failed', () => {
    expect(describeError(new ApiError(0), t).message).toBe(
      'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
    )
  })
})
