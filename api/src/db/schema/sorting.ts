import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/*
 * Waste sorting on the ground: communities (小区) with their bin rooms (投放点), the households registered in
 * them (a resident account is a household) and the 小蜜蜂 volunteers who serve them.
 */

export const communities = sqliteTable(
  "communities",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    district: text("district").notNull(),
    street: text("street").notNull(),
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("communities_street_idx").on(t.district, t.street)],
);

export const binRooms = sqliteTable(
  "bin_rooms",
  {
    id: text("id").primaryKey(),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    name: text("name").notNull(),
    /** The opaque code printed in the bin room's QR code (mini-program path ...?room=<code>). */
    code: text("code").notNull(),
    lat: real("lat"),
    lng: real("lng"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("bin_rooms_code_uq").on(t.code), index("bin_rooms_community_idx").on(t.communityId)],
);

/** A household registered in a community: one community per resident account. */
export const communityMembers = sqliteTable(
  "community_members",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => users.id),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    joinedAt: text("joined_at").notNull(),
  },
  (t) => [index("community_members_community_idx").on(t.communityId)],
);

/** The communities a 小蜜蜂 volunteer serves (assigned by the bureau). */
export const volunteerCommunities = sqliteTable(
  "volunteer_communities",
  {
    volunteerId: text("volunteer_id")
      .notNull()
      .references(() => users.id),
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    assignedAt: text("assigned_at").notNull(),
    assignedBy: text("assigned_by").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.volunteerId, t.communityId] }), index("volunteer_communities_community_idx").on(t.communityId)],
);

/**
 * A 小蜜蜂 volunteer's check of one household's bag at a bin room. The id is made on the volunteer's phone
 * (checks are recorded offline and synced in batches), so a batch synced twice writes each check once.
 */
export const sortingChecks = sqliteTable(
  "sorting_checks",
  {
    id: text("id").primaryKey(),
    volunteerId: text("volunteer_id")
      .notNull()
      .references(() => users.id),
    binRoomId: text("bin_room_id")
      .notNull()
      .references(() => binRooms.id),
    /** The bin room's community when checked (for the month's participation and accuracy). */
    communityId: text("community_id")
      .notNull()
      .references(() => communities.id),
    /** The household (resident account) identified by its scanned code. */
    accountId: text("account_id")
      .notNull()
      .references(() => users.id),
    correct: integer("correct", { mode: "boolean" }).notNull(),
    /** JSON array of error codes (shared/src/sorting), empty when correct. */
    errors: text("errors").notNull().default("[]"),
    photoUploadId: text("photo_upload_id"),
    note: text("note"),
    /** When the volunteer recorded it (the phone's clock, bounded by the server at sync). */
    checkedAt: text("checked_at").notNull(),
    /** City month of checked_at, YYYY-MM. */
    month: text("month").notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [
    index("sorting_checks_community_month_idx").on(t.communityId, t.month),
    index("sorting_checks_account_idx").on(t.accountId, t.checkedAt),
    index("sorting_checks_volunteer_idx").on(t.volunteerId, t.checkedAt),
  ],
);
