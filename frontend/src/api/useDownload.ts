import { useToast } from 'primevue/usetoast'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from './describeError'

/**
 * Runs a download (an export, a preparation list) with a busy flag for its button; a failure
 * is a toast with the server's words, since the page itself stays as it was.
 */
export function useDownload() {
  const { t } = useI18n()
  const toast = useToast()
  const busy = ref(false)

  async function download(save: () => Promise<void>, failureSummary: string) {
    busy.value = true
    try {
      await save()
    } catch (error) {
      toast.add({ severity: 'error', summary: failureSummary, detail: describeError(error, t).message, life: 8000 })
    } finally {
      busy.value = false
    }
  }

  return { busy, download }
}
