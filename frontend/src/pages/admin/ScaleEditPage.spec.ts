import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { MembershipScaleInput } from '../../features/memberships/model'
import { keycloakSession } from '../../test/fakeKeycloak'
import { api, plain, problem } from '../../test/http'
import { click, typeInto } from '../../test/interact'
import { designScale, scaleId } from '../../test/memberships'
import { renderApp } from '../../test/renderApp'
import { server } from '../../test/server'

function serveScale(scale = designScale) {
  server.use(http.get(api('/membership-scales/:id'), () => HttpResponse.json(scale, { headers: { ETag: '"4"' } })))
}

const errorOf = (wrapper: Awaited<ReturnType<typeof renderApp>>, id: string) => wrapper.find(`#${id}-error`)

beforeEach(() => {
  keycloakSession.roles = ['member', 'admin']
})

describe('the scale editor', () => {
  it('checks the bounds as they are typed: a bound not above the previous one is refused beside it', async () => {
    serveScale()
    const wrapper = await renderApp(`/gestion/baremes/${scaleId}`)
    expect(plain(wrapper.get<HTMLInputElement>('input#bracket-1-bound').element.value)).toBe('1 000,00 €')

    await typeInto(wrapper, 'bracket-1-bound', '500')

    expect(errorOf(wrapper, 'bracket-1-bound').text()).toBe(
      'Chaque plafond doit être plus élevé que celui de la tranche précédente.',
    )
    expect(wrapper.get('input#bracket-1-bound').attributes('aria-describedby')).toBe('bracket-1-bound-error')
    expect(errorOf(wrapper, 'bracket-0-bound').exists()).toBe(false)
  })

  it('allows one open-ended bracket only, the last', async () => {
    serveScale()
    const wrapper = await renderApp(`/gestion/baremes/${scaleId}`)

    await typeInto(wrapper, 'bracket-2-bound', '')

    expect(errorOf(wrapper, 'bracket-2-bound').text()).toBe(
      'Seule la dernière tranche est sans plafond : indiquez un plafond.',
    )

    await typeInto(wrapper, 'bracket-2-bound', '1600')
    await typeInto(wrapper, 'bracket-3-bound', '3000')

    expect(errorOf(wrapper, 'bracket-2-bound').exists()).toBe(false)
    expect(errorOf(wrapper, 'bracket-3-bound').text()).toBe(
      'La dernière tranche doit être sans plafond : laissez ce champ vide.',
    )
  })

  it('refuses a negative fee, and sends nothing while something is wrong', async () => {
    serveScale()
    let puts = 0
    server.use(
      http.put(api('/membership-scales/:id'), () => {
        puts++
        return HttpResponse.json(designScale)
      }),
    )
    const wrapper = await renderApp(`/gestion/baremes/${scaleId}`)

    await typeInto(wrapper, 'bracket-0-fee', '-5')
    await click(wrapper, 'Enregistrer le barème')

    expect(errorOf(wrapper, 'bracket-0-fee').text()).toBe('La cotisation ne peut pas être négative.')
    expect(puts).toBe(0)
  })

  it('saves the brackets in cents with the version read', async () => {
    serveScale()
    let sent: { ifMatch: string | null; body: MembershipScaleInput } | undefined
    server.use(
      http.put(api('/membership-scales/:id'), async ({ request }) => {
        sent = { ifMatch: request.headers.get('If-Match'), body: (await request.json()) as MembershipScaleInput }
        return HttpResponse.json({ ...designScale, ...sent.body }, { headers: { ETag: '"5"' } })
      }),
    )
    const wrapper = await renderApp(`/gestion/baremes/${scaleId}`)

    await typeInto(wrapper, 'bracket-3-fee', '65,5')
    await click(wrapper, 'Enregistrer le barème')

    expect(sent?.ifMatch).toBe('"4"')
    expect(sent?.body.validFrom).toBe('2026-09-01')
    expect(sent?.body.validTo).toBe('2027-08-31')
    expect(sent?.body.brackets.map((b) => [b.code, b.upperBoundCents, b.feeCents])).toEqual([
      ['A', 60000, 1000],
      ['B', 100000, 2000],
      ['C', 160000, 4000],
      ['D', null, 6550],
    ])
    expect(document.body.textContent).toContain('Barème enregistré')
  })

  it("shows the server's errors beside the matching bracket's fields", async () => {
    serveScale()
    server.use(
      http.put(api('/membership-scales/:id'), () =>
        problem(400, {
          errors: [
            { field: 'brackets[1].upperBoundCents', message: 'les plafonds doivent être strictement croissants' },
            { field: 'brackets[2].code', message: 'code déjà utilisé par une autre tranche' },
          ],
        }),
      ),
    )
    const wrapper = await renderApp(`/gestion/baremes/${scaleId}`)

    await click(wrapper, 'Enregistrer le barème')

    expect(wrapper.get('[role="alert"]').text()).toContain('Certaines informations sont invalides.')
    expect(errorOf(wrapper, 'bracket-1-bound').text()).toBe('les plafonds doivent être strictement croissants')
    expect(errorOf(wrapper, 'bracket-2-code').text()).toBe('code déjà utilisé par une autre tranche')
  })

  it("says why an overlapping period is refused, in the server's words", async () => {
    serveScale()
    server.use(
      http.put(api('/membership-scales/:id'), () =>
        problem(409, { detail: 'La période chevauche celle du barème du 1er septembre 2025.' }),
      ),
    )
    const wrapper = await renderApp(`/gestion/baremes/${scaleId}`)

    await click(wrapper, 'Enregistrer le barème')

    expect(wrapper.get('[role="alert"]').text()).toBe('La période chevauche celle du barème du 1er septembre 2025.')
  })

  it('adds a bracket above the open-ended one, and checks its fields once typed', async () => {
    serveScale()
    const wrapper = await renderApp(`/gestion/baremes/${scaleId}`)

    await click(wrapper, 'Ajouter une tranche')

    expect(wrapper.findAll('li.bracket')).toHaveLength(5)
    expect(wrapper.get<HTMLInputElement>('input#bracket-3-code').element.value).toBe('')
    expect(wrapper.get<HTMLInputElement>('input#bracket-4-code').element.value).toBe('D')
    expect(errorOf(wrapper, 'bracket-3-bound').text()).toBe(
      'Seule la dernière tranche est sans plafond : indiquez un plafond.',
    )
    expect(errorOf(wrapper, 'bracket-3-code').exists()).toBe(false)

    await wrapper.get('input#bracket-3-code').setValue('c')
    expect(errorOf(wrapper, 'bracket-3-code').text()).toBe('Ce code est déjà celui d\'une autre tranche.')
  })

  it('shows a scale that memberships use without letting it change', async () => {
    serveScale({ ...designScale, inUse: true })
    const wrapper = await renderApp(`/gestion/baremes/${scaleId}`)

    expect(wrapper.text()).toContain('Des adhésions utilisent déjà ce barème : il ne peut plus changer.')
    expect(wrapper.findAll('input')).toHaveLength(0)
    expect(wrapper.text()).toContain('1 600 € et plus')
    expect(wrapper.text()).toContain('Sans plafond')
  })

  it('starts a new scale from the latest one, for the following year', async () => {
    server.use(
      http.get(api('/membership-scales'), () => HttpResponse.json({ items: [designScale], nextCursor: null })),
    )
    let created: MembershipScaleInput | undefined
    server.use(
      http.post(api('/membership-scales'), async ({ request }) => {
        created = (await request.json()) as MembershipScaleInput
        return HttpResponse.json({ ...designScale, ...created, id: 'f0000000-0000-4000-8000-000000000001' }, { status: 201 })
      }),
      http.get(api('/membership-scales/:id'), () =>
        HttpResponse.json({ ...designScale, ...created, id: 'f0000000-0000-4000-8000-000000000001' }),
      ),
    )
    const wrapper = await renderApp('/gestion/baremes/nouveau')

    await click(wrapper, 'Créer le barème')

    expect(created?.validFrom).toBe('2027-09-01')
    expect(created?.validTo).toBe('2028-08-31')
    expect(created?.brackets).toEqual(designScale.brackets)
    expect(wrapper.vm.$route.path).toBe('/gestion/baremes/f0000000-0000-4000-8000-000000000001')
  })
})
