import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from './describeError'

/**
 * The last failure of a form or a page, described for the person: one message, and the
 * server's message for each field, keyed like problem+json's errors[].field.
 */
export function useFailure(messages: Partial<Record<number, string>> = { 412: 'errors.stale' }) {
  const { t } = useI18n()
  const failure = ref<unknown>()
  const busy = ref(false)
  const problem = computed(() => (failure.value === undefined ? undefined : describeError(failure.value, t, messages)))

  return {
    failure,
    problem,
    fieldError: (field: string): string | undefined => problem.value?.fieldErrors[field],
    clear() {
      failure.value = undefined
    },
    busy,
    /** Runs a submission: busy meanwhile, and its failure kept for the form to show. */
    async attempt(action: () => Promise<void>): Promise<void> {
      busy.value = true
      failure.value = undefined
      try {
        await action()
      } catch (error) {
        failure.value = error
      } finally {
        busy.value = false
      }
    },
  }
}
