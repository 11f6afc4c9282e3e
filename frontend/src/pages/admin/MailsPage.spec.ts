import { flushPromises } from '@vue/test-utils'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { MailDelivery } from '../../features/mails/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api } from '../../test/http'
import { click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const failed: MailDelivery = {
  id: '00000000-0000-0000-0000-0000000000e1',
  eventId: '00000000-0000-0000-0000-0000000000e2',
  eventType: 'order.placed',
  occurredAt: '2026-12-04T09:30:00Z',
  recipient: { id: '00000000-0000-0000-0000-0000000000e3', memberNumber: 'A-0042', firstName: 'Zoé', lastName: 'Łukasiewicz' },
  status: 'FAILED',
  attempts: 12,
  nextAttemptAt: null,
  sentAt: null,
  lastError: 'MailException: 550 mailbox unavailable',
}

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the mail log', () => {
  it('opens on the mails that could not be sent, and sends one again', async () => {
    const asked: (string | null)[] = []
    let retried = ''
    server.use(
      http.get(api('/mail-deliveries'), ({ request }) => {
        const status = new URL(request.url).searchParams.get('status')
        asked.push(status)
        return HttpResponse.json({ items: retried || status !== 'FAILED' ? [] : [failed] })
      }),
      http.post(api('/mail-deliveries/:id/retry'), ({ params }) => {
        retried = params.id as string
        return HttpResponse.json({ ...failed, status: 'PENDING', attempts: 0, lastError: failed.lastError })
      }),
    )
    const wrapper = await renderApp('/gestion/courriels')

    expect(wrapper.get('h1').text()).toBe('Courriels')
    expect(asked).toEqual(['FAILED'])
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual(['Courriel', 'Destinataire', 'État', 'Essais', 'Dernière erreur', ''])
    const row = wrapper.get('tbody tr').text()
    expect(row).toContain('Commande confirmée')
    expect(row).toContain('Zoé Łukasiewicz')
    expect(row).toContain('Non envoyé')
    expect(row).toContain('550 mailbox unavailable')

    await click(wrapper, 'Renvoyer')
    await flushPromises()

    expect(retried).toBe(failed.id)
    expect(document.body.textContent).toContain("Le courriel repart dans la file d'envoi")
    expect(wrapper.text()).toContain('Tous les courriels sont partis')
  })
})
