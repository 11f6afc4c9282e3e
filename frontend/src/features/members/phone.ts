// The pattern of MemberProfileUpdate.phone in openapi.yaml, checked before sending.
const phonePattern = /^\+?[0-9 .()-]{6,30}$/

export function isValidPhone(phone: string): boolean {
  return phonePattern.test(phone)
}
