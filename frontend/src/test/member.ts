import type { Member } from '../features/members/meStore'

export const alice: Member = {
  id: '7f1c5f0e-3c5b-4a43-9b0e-2f1f1e0b6a11',
  memberNumber: 'A-0003',
  firstName: 'Alice',
  lastName: 'Martin',
  email: 'alice@panier.example',
  phone: '+33 6 00 00 00 01',
  status: 'ACTIVE',
  joinedOn: '2026-11-24',
  preferences: { language: 'fr', pickupReminder: true, membershipReminder: true, volunteerOffers: true, proposalMails: true },
}
