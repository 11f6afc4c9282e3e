import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useApi } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { Household } from '../households/model'
import type { Membership } from './model'

/** The signed-in member's household and its memberships, latest period first. */
export const useMyMembershipStore = defineStore('myMembership', () => {
  const api = useApi()
  const household = ref<Household>()
  const householdEtag = ref<string>()
  const memberships = ref<Membership[]>([])

  async function load(householdId: string | null | undefined) {
    if (!householdId) {
      household.value = undefined
      householdEtag.value = undefined
      memberships.value = []
      return
    }
    const [one, list] = await Promise.all([
      unwrap(api.GET('/api/v1/households/{householdId}', { params: { path: { householdId } } })),
      // A current membership and a renewal at most are worth showing.
      unwrap(api.GET('/api/v1/memberships', { params: { query: { householdId, limit: 5 } } })),
    ])
    household.value = one.data
    householdEtag.value = one.response.headers.get('ETag') ?? undefined
    memberships.value = list.data.items
  }

  function householdSaved(saved: Household, etag: string | undefined) {
    household.value = saved
    householdEtag.value = etag
  }

  /** Those still running or to come; else the last one, expired, so the member sees it ended. */
  const shown = computed(() => {
    const running = memberships.value.filter((m) => m.status !== 'EXPIRED')
    return running.length > 0 ? running : memberships.value.slice(0, 1)
  })

  return { household, householdEtag, memberships, shown, load, householdSaved }
})
