import { onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { useApi } from '../../api/client'
import { ApiError } from '../../api/problem'
import type { AssemblyLive } from './model'

/** How often the room's state is asked for; a 304 costs next to nothing. */
export const POLL_MS = 3000

/**
 * The live state of an assembly, polled with its ETag (If-None-Match: a 304 while nothing
 * changed): every device reads the same state from the server, whichever instance answers.
 * An action's answer is the new state; `apply` shows it at once.
 */
export function useLiveState(assemblyId: () => string) {
  const api = useApi()
  const state = shallowRef<AssemblyLive>()
  const readAt = ref(Date.now())
  const failure = ref<unknown>()
  let etag: string | undefined
  let timer: ReturnType<typeof setInterval> | undefined

  function apply(data: AssemblyLive, response?: Response) {
    state.value = data
    readAt.value = Date.now()
    etag = response?.headers.get('ETag') ?? undefined
  }

  async function poll() {
    try {
      const { data, response } = await api.GET('/api/v1/assemblies/{assemblyId}/live', {
        params: { path: { assemblyId: assemblyId() }, header: etag ? { 'If-None-Match': etag } : {} },
      })
      if (response.status === 304) return
      if (!response.ok || !data) throw new ApiError(response.status)
      apply(data, response)
      failure.value = undefined
    } catch (error) {
      failure.value = error
    }
  }

  onMounted(() => {
    void poll()
    timer = setInterval(() => void poll(), POLL_MS)
  })
  onBeforeUnmount(() => clearInterval(timer))

  return { state, readAt, failure, poll, apply }
}
