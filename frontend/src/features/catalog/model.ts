import type { components } from '../../api/schema'

export type Product = components['schemas']['Product']
export type ProductLabel = components['schemas']['ProductLabel']
export type Category = components['schemas']['Category']
export type Supplier = components['schemas']['Supplier']

export const productLabels: ProductLabel[] = ['ORGANIC', 'LOCAL', 'SEASONAL', 'ARTISANAL', 'FAIR_TRADE']

export interface CategoryOption {
  id: string
  name: string
  /** A sub-category, shown under its parent. */
  child: boolean
}

/** The two-level tree as one list: each top-level category followed by its sub-categories, by name. */
export function categoryOptions(categories: Category[]): CategoryOption[] {
  const byName = (a: Category, b: Category) => a.name.localeCompare(b.name, 'fr')
  const tops = categories.filter((c) => !c.parentId).sort(byName)
  return tops.flatMap((top) => [
    { id: top.id, name: top.name, child: false },
    ...categories
      .filter((c) => c.parentId === top.id)
      .sort(byName)
      .map((c) => ({ id: c.id, name: c.name, child: true })),
  ])
}
