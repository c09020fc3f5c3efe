import type { GrantableRole } from "@civic/shared";
import { sql } from "drizzle-orm";
import { check, index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/* Sign-in: users, their roles, sessions. */

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    openid: text("openid").notNull(),
    unionid: text("unionid"),
    /** WeChat's session_key from the last code2session; never serialised to any client. */
    sessionKey: text("session_key"),
    nickname: text("nickname"),
    createdAt: text("created_at").notNull(),
    /** Set when the account was deleted: identity erased, openid replaced so the same WeChat user starts fresh. */
    erasedAt: text("erased_at"),
  },
  (t) => [uniqueIndex("users_openid_uq").on(t.openid)],
);

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull().$type<GrantableRole>(),
    grantedAt: text("granted_at").notNull(),
    grantedBy: text("granted_by"),
  },
  (t) => [
    uniqueIndex("user_roles_uq").on(t.userId, t.role),
    check("user_roles_role_ck", sql`${t.role} in ('collector','volunteer','moderator','admin')`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("sessions_token_uq").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);
