import { onMounted, ref, shallowRef } from 'vue'
import { ApiError } from '../../api/problem'
import { useFailure } from '../../api/useFailure'

/**
 * What a public page shows, read when it opens: `missing` when the API says there is nothing
 * there (a 404, or a 400 for a key that cannot be one), `problem` for any other failure.
 */
export function usePublicRead<T>(read: () => Promise<T>) {
  const data = shallowRef<T>()
  const missing = ref(false)
  const { problem, attempt } = useFailure()
  onMounted(() =>
    attempt(async () => {
      try {
        data.value = await read()
      } catch (error) {
        if (error instanceof ApiError && [400, 404].includes(error.status)) missing.value = true
        else throw error
      }
    }),
  )
  return { data, missing, problem }
}
