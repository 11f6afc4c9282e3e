import { ref, shallowRef } from 'vue'

export interface Page<T> {
  items: T[]
  nextCursor?: string | null
}

/**
 * A list read page by page with the API's opaque cursor: `reload()` starts again (e.g. a new
 * search), `more()` appends the next page. An answer that arrives after a newer reload was
 * asked for is dropped, so fast typing in a search box never shows stale results.
 */
export function useCursorList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>) {
  const items = shallowRef<T[]>([])
  const nextCursor = ref<string>()
  const loading = ref(false)
  const loaded = ref(false)
  const failure = ref<unknown>()
  let generation = 0

  async function load(cursor: string | undefined, append: boolean) {
    const mine = ++generation
    loading.value = true
    failure.value = undefined
    try {
      const page = await fetchPage(cursor)
      if (mine !== generation) return
      items.value = append ? [...items.value, ...page.items] : page.items
      nextCursor.value = page.nextCursor ?? undefined
      loaded.value = true
    } catch (error) {
      if (mine === generation) failure.value = error
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  return {
    items,
    nextCursor,
    loading,
    loaded,
    failure,
    reload: () => load(undefined, false),
    more: () => (nextCursor.value ? load(nextCursor.value, true) : Promise.resolve()),
  }
}
