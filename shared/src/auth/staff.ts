import type { Role } from "./schemas";

/*
 * The one staff check. Bureau staff are moderators and admins: they handle cases (立案, 派遣, 结案) and
 * see KPIs; admins also manage roles, categories and data. The API's middleware and handlers and the
 * mini-program's pages and menus all ask these functions, so a new staff role is added here once.
 */
export const STAFF_ROLES = ["moderator", "admin"] as const satisfies readonly Role[];
export const ADMIN_ROLES = ["admin"] as const satisfies readonly Role[];

/** Any user-like value; `roles` as strings so lifecycle actors and sessions qualify alike. */
type WithRoles = { roles: readonly string[] } | null | undefined;

const hasAny = (user: WithRoles, roles: readonly Role[]): boolean => !!user && roles.some((r) => user.roles.includes(r));

/** Bureau staff (moderator or admin). */
export const isStaff = (user: WithRoles): boolean => hasAny(user, STAFF_ROLES);

/** May moderate, dispatch and close reports and see KPIs. */
export const canModerate = (user: WithRoles): boolean => hasAny(user, STAFF_ROLES);

/** May manage roles, categories, catalogues and imports, and see retired items. */
export const canAdminister = (user: WithRoles): boolean => hasAny(user, ADMIN_ROLES);
