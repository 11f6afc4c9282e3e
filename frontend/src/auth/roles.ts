import type { RouteMeta, Router } from 'vue-router'
import type { Auth } from './auth'

/** One realm role, or several of which any will do (e.g. the management area: admin or référent). */
export type RequiredRole = string | readonly string[]

export function hasAnyRole(auth: Auth, required: RequiredRole | undefined): boolean {
  if (required === undefined) return true
  return (typeof required === 'string' ? [required] : required).some((role) => auth.hasRole(role))
}

/**
 * Whether the person may open a route: every level of it must let them in, so a page inside
 * the management area can be narrower than the area (admin only where the area also lets
 * référents in). The navigation asks the same question, so it never offers a closed door.
 * `atTheDoor`: the member's door shift is on now (see the volunteering area's door access).
 */
export function mayOpen(auth: Auth, route: { matched: readonly { meta: RouteMeta }[] }, atTheDoor = false): boolean {
  if (route.matched.every((record) => hasAnyRole(auth, record.meta.requiresRole))) return true
  // A member on a door shift, during its window: the page marked for the door, and nothing else.
  return atTheDoor && auth.hasRole('member') && route.matched.at(-1)?.meta.door === true
}

/**
 * Whether following a link to the path leads the person somewhere they may be: the page
 * itself, or where its `otherwise` sends those it keeps out (the management area opens on the
 * admins' dashboard, and on their products for référents).
 */
export function leadsIn(auth: Auth, router: Router, path: string): boolean {
  const route = router.resolve(path)
  if (mayOpen(auth, route)) return true
  return route.meta.otherwise !== undefined && mayOpen(auth, router.resolve(route.meta.otherwise))
}
