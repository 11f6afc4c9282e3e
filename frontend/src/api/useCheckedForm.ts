import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useFailure } from './useFailure'

/**
 * A form checked in the browser before it is sent. Its own errors show only once a submission
 * was attempted (nobody is scolded while typing); otherwise a field shows the server's error.
 * `clientErrors` maps a field, named like problem+json's errors[].field, to a message, or to an
 * i18n key when `translate` is set.
 */
export function useCheckedForm(
  clientErrors: Ref<Record<string, string>>,
  options: { translate?: boolean; messages?: Partial<Record<number, string>> } = {},
) {
  const { t } = useI18n()
  const failure = useFailure(options.messages)
  const attempted = ref(false)

  function errorOf(field: string): string | undefined {
    const own = attempted.value ? clientErrors.value[field] : undefined
    if (own) return options.translate ? t(own) : own
    return failure.fieldError(field)
  }

  /** Shows the browser's errors from now on; true when there are none and the form may be sent. */
  function check(): boolean {
    attempted.value = true
    failure.clear()
    return Object.keys(clientErrors.value).length === 0
  }

  return {
    ...failure,
    attempted,
    errorOf,
    check,
    /** Sends the form only when the browser found nothing to say. */
    async submit(action: () => Promise<void>): Promise<void> {
      if (check()) await failure.attempt(action)
    },
    /** After a form is emptied for the next entry, its checks wait for the next attempt. */
    reset() {
      attempted.value = false
    },
  }
}
