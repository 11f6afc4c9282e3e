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

/** The two-level tree: the top-level categories, each with its sub-categories, both by name. */
export function categoryTree(categories: Category[]): (Category & { children: Category[] })[] {
  const byName = (a: Category, b: Category) => a.name.localeCompare(b.name, 'fr')
  return categories
    .filter((c) => !c.parentId)
    .sort(byName)
    .map((top) => ({ ...top, children: categories.filter((c) => c.parentId === top.id).sort(byName) }))
}

/** The two-level tree as one list: each top-level category followed by its sub-categories. */
export function categoryOptions(categories: Category[]): CategoryOption[] {
  return categoryTree(categories).flatMap((top) => [
    { id: top.id, name: top.name, child: false },
    ...top.children.map((c) => ({ id: c.id, name: c.name, child: true })),
  ])
}

export type ProductInput = components['schemas']['ProductInput']
export type ProductUnit = components['schemas']['ProductUnit']
export type VatRate = components['schemas']['VatRate']
export type SupplierInput = components['schemas']['SupplierInput']
export type SupplierKind = components['schemas']['SupplierKind']

export const productUnits: ProductUnit[] = ['PIECE', 'KG', 'G100', 'LITRE']
export const vatRates: VatRate[] = ['5.5', '10', '20']
export const supplierKinds: SupplierKind[] = ['PRODUCER', 'WHOLESALER']

/**
 * What a product says of itself, as a write sends it back. A référent's write must carry every
 * field unchanged but the few they may change, and the API refuses a field it does not know.
 */
export function productInput(product: Product): ProductInput {
  return {
    name: product.name,
    description: product.description ?? null,
    categoryId: product.categoryId,
    supplierId: product.supplierId,
    supplierReference: product.supplierReference ?? null,
    unit: product.unit,
    orderStep: product.orderStep,
    priceCents: product.priceCents,
    vatRate: product.vatRate,
    labels: [...product.labels],
    origin: product.origin ?? null,
    active: product.active,
    availableOnDrive: product.availableOnDrive,
    referentId: product.referentId ?? null,
    lowStockThreshold: product.lowStockThreshold ?? null,
  }
}
