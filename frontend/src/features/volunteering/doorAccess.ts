import { defineStore } from 'pinia'
import { onBeforeUnmount, ref } from 'vue'
import { useApi } from '../../api/client'
import { unwrap } from '../../api/problem'
import type { components } from '../../api/schema'

export type DoorAccess = components['schemas']['DoorAccess']

/**
 * Whether the door is open at `now`: from one hour before the member's door shift to one hour
 * after it, as the server said. Read from its window, so that the pickup screen closes on time
 * without asking the server again; the server checks every call anyway.
 */
export function doorOpenAt(access: DoorAccess | undefined, now: Date): boolean {
  if (!access?.from || !access.until) return false
  return new Date(access.from) <= now && now < new Date(access.until)
}

/**
 * The member's access to the pickup screen from a door shift (« préparation du drive »,
 * « accueil »), not from a role. Read once, again after a sign-up or a withdrawal.
 */
export const useDoorAccessStore = defineStore('doorAccess', () => {
  const api = useApi()
  const access = ref<DoorAccess>()
  let loading: Promise<DoorAccess> | undefined

  async function load(): Promise<DoorAccess> {
    const { data } = await unwrap(api.GET('/api/v1/me/door-access'))
    access.value = data
    return data
  }

  /** The first caller asks the server; the others wait for the same answer. */
  function ensureLoaded(): Promise<DoorAccess> {
    loading ??= load().catch((error: unknown) => {
      loading = undefined
      throw error
    })
    return loading
  }

  function reload(): Promise<DoorAccess> {
    loading = load()
    return loading
  }

  /** Whether the door is open now; false until the server has answered, or if it could not. */
  async function openNow(): Promise<boolean> {
    try {
      return doorOpenAt(await ensureLoaded(), new Date())
    } catch {
      return false
    }
  }

  return { access, ensureLoaded, reload, openNow }
})

/** The clock of a component, a minute at a time: enough for a window of hours. */
export function useMinuteClock() {
  const now = ref(new Date())
  const timer = setInterval(() => (now.value = new Date()), 60_000)
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
