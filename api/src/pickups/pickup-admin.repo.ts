import type { PickupItem, PickupItemPatch } from "@civic/shared";
import { eq } from "drizzle-orm";
import { pickupItems, pickupSlots } from "../db/schema";
import type { AppDb } from "../db/types";
import { newId } from "../platform/ids";

/* The admin's writes to the pickup catalogue and slots. */

/** D1 binds at most 100 parameters per statement; a slot row takes 7. */
const SLOTS_PER_INSERT = 14;

export function pickupAdminRepo(db: AppDb) {
  return {
    insertItemStatement: (item: PickupItem, at: string) =>
      db
        .insert(pickupItems)
        .values({ ...item, createdAt: at, updatedAt: at })
        .onConflictDoNothing(),
    updateItemStatement: (code: string, patch: PickupItemPatch, at: string) =>
      db
        .update(pickupItems)
        .set({ ...patch, updatedAt: at })
        .where(eq(pickupItems.code, code)),
    /** Inserts the slots that do not exist yet (street, date, window); returns how many were new. */
    async insertSlots(slots: { streetCode: string; date: string; window: "am" | "pm"; capacityPoints: number }[], at: string) {
      let created = 0;
      for (let i = 0; i < slots.length; i += SLOTS_PER_INSERT) {
        const rows = slots.slice(i, i + SLOTS_PER_INSERT).map((s) => ({ ...s, id: newId(), bookedPoints: 0, createdAt: at }));
        const written = await db.insert(pickupSlots).values(rows).onConflictDoNothing().returning({ id: pickupSlots.id });
        created += written.length;
      }
      return created;
    },
  };
}
