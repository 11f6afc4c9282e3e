import type { components } from '../../api/schema'

export type MemberStatus = components['schemas']['MemberStatus']

export const memberStatuses: MemberStatus[] = ['PENDING', 'ACTIVE', 'SUSPENDED', 'LEFT']

export const memberStatusSeverity = {
  PENDING: 'warn',
  ACTIVE: 'success',
  SUSPENDED: 'danger',
  LEFT: 'secondary',
} as const satisfies Record<MemberStatus, string>

/** The changes the server allows (changeMemberStatus): nobody is deleted, a member who left may come back. */
export const nextStatuses: Record<MemberStatus, MemberStatus[]> = {
  PENDING: ['ACTIVE', 'LEFT'],
  ACTIVE: ['SUSPENDED', 'LEFT'],
  SUSPENDED: ['ACTIVE', 'LEFT'],
  LEFT: ['ACTIVE'],
}
