import type { Category, Product, Supplier } from '../features/catalog/model'
import type { Member } from '../features/members/meStore'
import { alice } from './member'

export const epicerie: Category = { id: 'd0000000-0000-4000-8000-000000000001', name: 'Épicerie', parentId: null }
export const fruits: Category = { id: 'd0000000-0000-4000-8000-000000000002', name: 'Fruits et légumes', parentId: null }
export const miels: Category = { id: 'd0000000-0000-4000-8000-000000000004', name: 'Miel et confitures', parentId: epicerie.id }
export const categories = [miels, fruits, epicerie]

export const rucher: Supplier = {
  id: 'c0000000-0000-4000-8000-000000000001',
  name: 'Rucher des Coteaux',
  kind: 'PRODUCER',
  locality: 'Saint-Jean-de-Braye',
  distanceKm: 12,
  contact: '06 11 22 33 44',
  notes: 'Livre le mardi',
}
export const ferme: Supplier = { id: 'c0000000-0000-4000-8000-000000000003', name: 'Ferme du Val', kind: 'PRODUCER', locality: 'Olivet', distanceKm: 8 }
export const suppliers = [ferme, rucher]

export const remi: Member = {
  ...alice,
  id: 'a0000000-0000-4000-8000-000000000002',
  memberNumber: 'A-0002',
  firstName: 'Rémi',
  lastName: 'Lefèvre',
  email: 'remi@panier.example',
}

export const miel: Product = {
  id: 'e0000000-0000-4000-8000-000000000001',
  name: 'Miel de fleurs',
  description: 'Pot de 500 g, récolte de printemps',
  categoryId: miels.id,
  supplierId: rucher.id,
  supplierReference: 'MIEL-500',
  unit: 'PIECE',
  orderStep: 1,
  priceCents: 890,
  vatRate: '5.5',
  labels: ['ORGANIC', 'LOCAL'],
  origin: 'Loiret',
  active: true,
  availableOnDrive: true,
  referentId: remi.id,
  lowStockThreshold: 5,
  stockOnHand: 24,
  onHand: 24,
  reserved: 0,
  available: 24,
  currency: 'EUR',
}

export const pommes: Product = {
  id: 'e0000000-0000-4000-8000-000000000004',
  name: 'Pommes Reinette',
  description: 'Variété ancienne',
  categoryId: fruits.id,
  supplierId: ferme.id,
  supplierReference: null,
  unit: 'KG',
  orderStep: 0.5,
  priceCents: 290,
  vatRate: '5.5',
  labels: ['LOCAL', 'SEASONAL'],
  origin: 'Olivet',
  active: true,
  availableOnDrive: false,
  referentId: null,
  lowStockThreshold: 5,
  stockOnHand: 40,
  onHand: 40,
  reserved: 0,
  available: 40,
  currency: 'EUR',
}
