import { useToast } from 'primevue/usetoast'
import { computed, onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from './describeError'
import { useFailure } from './useFailure'

type Read<T> = Promise<{ data: T; response: Response }>

/**
 * One resource edited whole with the version read (the co-op's rules…): read when the page
 * mounts, with its ETag; sent back whole with If-Match (a 412 if someone changed it meanwhile,
 * said by useFailure); then shown as the server kept it, with a toast.
 */
export function useVersionedEdit<T extends object>(options: {
  read: () => Read<T>
  write: (body: T, ifMatch: string | undefined) => Read<T>
  /** The i18n key of the toast once saved. */
  saved: string
  /** Also called with what the server gave, e.g. to set a field kept apart (a date picker's Date). */
  shown?: (data: T) => void
}) {
  const { t } = useI18n()
  const toast = useToast()
  const value = ref<T>() as Ref<T | undefined>
  const etag = ref<string>()
  const failure = ref<unknown>()
  const loadError = computed(() => (failure.value === undefined ? undefined : describeError(failure.value, t).message))
  const { problem, busy, attempt, fieldError } = useFailure()

  function show({ data, response }: Awaited<Read<T>>) {
    value.value = { ...data }
    etag.value = response.headers.get('ETag') ?? undefined
    options.shown?.(data)
  }

  onMounted(async () => {
    try {
      show(await options.read())
    } catch (error) {
      failure.value = error
    }
  })

  return {
    /** The resource as edited, undefined until read. */
    value,
    loadError,
    problem,
    busy,
    fieldError,
    save: (body: T) =>
      attempt(async () => {
        show(await options.write(body, etag.value))
        toast.add({ severity: 'success', summary: t(options.saved), life: 4000 })
      }),
  }
}
