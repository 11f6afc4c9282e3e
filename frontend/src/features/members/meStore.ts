import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useApi } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type Member = components['schemas']['Member']
/** What a member may change in their own profile. */
export type ProfileChanges = Pick<components['schemas']['MemberProfileUpdate'], 'phone' | 'preferences'>

/** The signed-in member's profile, with the version the next write must name in If-Match. */
export const useMeStore = defineStore('me', () => {
  const api = useApi()
  const member = ref<Member>()
  const etag = ref<string>()

  function keep(data: Member, response: Response) {
    member.value = data
    etag.value = response.headers.get('ETag') ?? undefined
  }

  async function load() {
    const { data, response } = await unwrap(api.GET('/api/v1/me'))
    keep(data, response)
  }

  async function save(changes: ProfileChanges) {
    const { data, response } = await unwrap(
      api.PUT('/api/v1/me', { params: { header: { 'If-Match': etag.value } }, body: changes }),
    )
    keep(data, response)
  }

  return { member, etag, load, save }
})
