import { z } from "zod";

export const ROLES = ["resident", "collector", "volunteer", "moderator", "admin"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Roles granted on top of `resident`, which every signed-in user has. */
export const GRANTABLE_ROLES = ["collector", "volunteer", "moderator", "admin"] as const;
export const GrantableRole = z.enum(GRANTABLE_ROLES);
export type GrantableRole = z.infer<typeof GrantableRole>;

export const User = z
  .object({
    id: z.string(),
    nickname: z.string().nullable(),
    roles: z.array(Role),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;

export const WechatLoginRequest = z.strictObject({
  code: z.string().min(1).max(128),
});
export type WechatLoginRequest = z.infer<typeof WechatLoginRequest>;

export const DevLoginRequest = z.strictObject({
  openid: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only"),
  role: Role.optional(),
});
export type DevLoginRequest = z.infer<typeof DevLoginRequest>;

export const SessionResponse = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    user: User,
  })
  .meta({ id: "Session" });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const RoleGrantRequest = z.strictObject({
  role: GrantableRole,
  note: z.string().max(200).optional(),
});
export type RoleGrantRequest = z.infer<typeof RoleGrantRequest>;

export const AdminUserList = z.object({ users: z.array(User) });
export type AdminUserList = z.infer<typeof AdminUserList>;

export const AuditEntry = z
  .object({
    id: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    at: z.string(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const hasRole = (user: Pick<User, "roles">, role: Role) => user.roles.includes(role);
