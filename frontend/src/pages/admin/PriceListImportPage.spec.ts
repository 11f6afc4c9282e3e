import { flushPromises } from '@vue/test-utils'
import { File as NodeFile } from 'node:buffer'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Supplier } from '../../features/catalog/model'
import type { PriceListImport } from '../../features/catalog/usePriceListImport'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, problem } from '../../test/http'
import { click } from '../../test/interact'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

const biocoop: Supplier = { id: '00000000-0000-0000-0000-0000000000a1', name: 'Biocoop Grossiste Centre', kind: 'WHOLESALER' }
const job = (overrides: Partial<PriceListImport>): PriceListImport => ({
  id: '00000000-0000-0000-0000-0000000000b1',
  supplierId: biocoop.id,
  fileName: 'tarif.csv',
  status: 'RUNNING',
  totalLines: 4,
  processedLines: 0,
  created: 0,
  updated: 0,
  rejected: 0,
  rejections: [],
  startedAt: '2026-11-24T10:00:00Z',
  ...overrides,
})

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
  server.use(
    http.get(api('/suppliers'), () => HttpResponse.json({ items: [biocoop], nextCursor: null })),
    http.get(api('/suppliers/:id'), () => HttpResponse.json(biocoop)),
  )
})

async function pick(wrapper: Awaited<ReturnType<typeof renderApp>>, content: string, name: string, type: string) {
  const input = wrapper.get<HTMLInputElement>('input[type="file"]')
  // Node's File, which Node's fetch sends as a body (jsdom's File has no bytes to read).
  const file = new NodeFile([content], name, { type })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

describe('the price-list import', () => {
  it('is reached from the suppliers of the catalogue area', async () => {
    const wrapper = await renderApp('/gestion/fournisseurs')

    expect(wrapper.get('.admin-nav').text()).toContain('Fournisseurs')
    expect(wrapper.text()).toContain('Biocoop Grossiste Centre')
    expect(wrapper.text()).toContain('Grossiste')
    await wrapper.get(`a[href="/gestion/fournisseurs/${biocoop.id}/import"]`).trigger('click')
    await vi.waitFor(() => expect(wrapper.get('h1').text()).toBe('Importer le tarif de Biocoop Grossiste Centre'))
  })

  it('sends the CSV file, shows the progress, then the counts and the rejected lines', async () => {
    let sent: { type: string | null; auth: string | null; fileName: string | null; body: string } | undefined
    let polls = 0
    server.use(
      http.post(api('/suppliers/:id/price-list-imports'), async ({ request }) => {
        sent = {
          type: request.headers.get('Content-Type'),
          auth: request.headers.get('Authorization'),
          fileName: new URL(request.url).searchParams.get('fileName'),
          body: await request.text(),
        }
        return HttpResponse.json(job({}), { status: 202, headers: { Location: `/api/v1/price-list-imports/${job({}).id}` } })
      }),
      http.get(api('/price-list-imports/:id'), () => {
        polls++
        return HttpResponse.json(
          polls === 1
            ? job({ processedLines: 2 })
            : job({
                status: 'DONE',
                processedLines: 4,
                created: 2,
                updated: 1,
                rejected: 1,
                rejections: [{ line: 3, reason: 'Prix TTC illisible : « douze »' }],
              }),
        )
      }),
    )
    const wrapper = await renderApp(`/gestion/fournisseurs/${biocoop.id}/import`)

    const csv = 'Référence fournisseur;Nom;Prix TTC\nA1;Pâtes;2,50\n'
    await pick(wrapper, csv, 'tarif.csv', 'text/csv')
    await click(wrapper, 'Importer')

    expect(sent).toMatchObject({ type: 'text/csv', fileName: 'tarif.csv', body: csv })
    expect(sent?.auth).toMatch(/^Bearer /)
    expect(wrapper.find('[role="progressbar"]').exists()).toBe(true)
    await vi.waitFor(() => expect(wrapper.text()).toContain('Import en cours : 2 / 4 lignes'), { timeout: 3000 })
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('50')

    await vi.waitFor(() => expect(wrapper.text()).toContain('Import terminé'), { timeout: 3000 })
    expect(wrapper.get('.counts').text()).toContain('2 créés')
    expect(wrapper.get('.counts').text()).toContain('1 mis à jour')
    expect(wrapper.get('.counts').text()).toContain('1 rejeté')
    const row = wrapper.get('.rejections tbody tr')
    expect(row.text()).toContain('3')
    expect(row.text()).toContain('Prix TTC illisible : « douze »')
    expect(wrapper.find('[role="progressbar"]').exists()).toBe(false)
    expect(polls).toBe(2)
  })

  it('shows the server’s message when the file is refused', async () => {
    server.use(
      http.post(api('/suppliers/:id/price-list-imports'), () =>
        problem(400, { detail: "Ce fichier n'est pas un CSV : la colonne « Prix TTC » est introuvable." }),
      ),
    )
    const wrapper = await renderApp(`/gestion/fournisseurs/${biocoop.id}/import`)

    await pick(wrapper, '%PDF-1.4', 'tarif.pdf', 'application/pdf')
    await click(wrapper, 'Importer')
    await flushPromises()

    expect(wrapper.get('[role="alert"]').text()).toContain("Ce fichier n'est pas un CSV : la colonne « Prix TTC » est introuvable.")
    expect(wrapper.find('.result').exists()).toBe(false)
  })
})
