import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { pointsEntries } from "./points";

/*
 * Rewards (积分兑换). `stock` is how many exist in total, `taken` the redemptions not cancelled (reserved or
 * collected); CHECK 0 <= taken <= stock, so no statement can oversell. `edit_id` names the last admin edit
 * (a claim: the edit's audit row is written only if its own id landed). A redemption's id is made by the
 * client (a retry answers the first result); its spend entry is `redeem:<id>` in the ledger, its refund the
 * reversal of that entry. `claim_id` names the desk action that collected it (one of two staff wins).
 */

export const rewards = sqliteTable(
  "rewards",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The picture: an upload attached to the reward (owner type "reward"). */
    pictureId: text("picture_id"),
    price: integer("price").notNull(),
    stock: integer("stock").notNull(),
    taken: integer("taken").notNull().default(0),
    placeName: text("place_name").notNull(),
    placeAddress: text("place_address").notNull(),
    placeHours: text("place_hours").notNull(),
    /** City dates, inclusive; active_to null = open-ended. */
    activeFrom: text("active_from").notNull(),
    activeTo: text("active_to"),
    retiredAt: text("retired_at"),
    version: integer("version").notNull().default(1),
    editId: text("edit_id"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    check("rewards_taken_ck", sql`${t.taken} >= 0 and ${t.taken} <= ${t.stock}`),
    check("rewards_price_ck", sql`${t.price} > 0`),
    index("rewards_active_idx").on(t.activeFrom),
  ],
);

export const rewardRedemptions = sqliteTable(
  "reward_redemptions",
  {
    id: text("id").primaryKey(),
    rewardId: text("reward_id")
      .notNull()
      .references(() => rewards.id),
    accountId: text("account_id")
      .notNull()
      .references(() => users.id),
    /** The spend entry (source `redeem:<id>`). */
    entryId: text("entry_id")
      .notNull()
      .references(() => pointsEntries.id),
    price: integer("price").notNull(),
    pickupCode: text("pickup_code").notNull(),
    /** reserved | collected | cancelled */
    status: text("status").notNull(),
    createdAt: text("created_at").notNull(),
    collectedAt: text("collected_at"),
    collectedBy: text("collected_by").references(() => users.id),
    cancelledAt: text("cancelled_at"),
    /** The reversal entry that refunded a cancelled redemption. */
    refundEntryId: text("refund_entry_id"),
    claimId: text("claim_id"),
  },
  (t) => [
    uniqueIndex("reward_redemptions_code_uq").on(t.pickupCode),
    index("reward_redemptions_account_idx").on(t.accountId, t.createdAt),
    index("reward_redemptions_reward_idx").on(t.rewardId, t.status),
  ],
);
