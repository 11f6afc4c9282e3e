import type { Proposal, ProposalResponse, WorkingGroup } from '../features/governance/model'
import { at, now } from './drive'

export const proposalId = 'e0000000-0000-4000-8000-000000000001'
export const groupId = 'e1000000-0000-4000-8000-000000000001'
export const memberId = 'e2000000-0000-4000-8000-000000000001'
export const otherId = 'e2000000-0000-4000-8000-000000000002'

/** A proposal to the whole co-op, open, by consent, as the API writes it. */
export const proposal = (overrides: Partial<Proposal> = {}): Proposal => ({
  id: proposalId,
  chainId: proposalId,
  round: 1,
  previousRoundId: null,
  workingGroupId: null,
  workingGroupName: null,
  authorId: otherId,
  authorName: 'Alice Martin',
  title: 'Un frigo pour le local',
  body: 'Acheter un frigo **d’occasion**.',
  bodyHtml: '<p>Acheter un frigo <strong>d’occasion</strong>.</p>\n',
  rule: 'CONSENT',
  deadline: at(10, 20),
  openedAt: now.toISOString(),
  status: 'OPEN',
  tally: { agree: 1, standAside: 0, concern: 0, block: 0, responded: 1, eligible: 12, quorum: 0 },
  may: { respond: true, withdraw: false, startRound: false, recordOutcome: false },
  responses: [],
  rounds: [{ id: proposalId, round: 1, title: 'Un frigo pour le local', status: 'OPEN', authorName: 'Alice Martin', deadline: at(10, 20) }],
  ...overrides,
})

export const response = (overrides: Partial<ProposalResponse> = {}): ProposalResponse => ({
  id: 'e3000000-0000-4000-8000-000000000001',
  memberId: otherId,
  memberName: 'Rémi Lefèvre',
  kind: 'AGREE',
  respondedAt: now.toISOString(),
  changedAt: now.toISOString(),
  ...overrides,
})

export const group = (overrides: Partial<WorkingGroup> = {}): WorkingGroup => ({
  id: groupId,
  name: 'Appro',
  description: 'Choisit les producteurs.',
  meetings: [],
  memberCount: 3,
  isMember: false,
  openProposals: 1,
  ...overrides,
})
