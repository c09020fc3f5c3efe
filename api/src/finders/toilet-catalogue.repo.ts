import type { AdminToiletRow, ToiletKind } from "@civic/shared";
import { and, asc, eq, gt, or, type SQL, sql } from "drizzle-orm";
import { toilets } from "../db/schema";
import type { AppDb } from "../db/types";

export interface CatalogueSearch {
  text?: string;
  district?: string;
  active?: boolean;
  after?: { name: string; id: string };
  limit: number;
}

/** `%` and `_` typed by an admin are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** The admin's view of the catalogue: every toilet, active or not, by name. */
export function toiletCatalogueRepo(db: AppDb) {
  return {
    async search(s: CatalogueSearch): Promise<{ rows: AdminToiletRow[]; more: boolean }> {
      const where: SQL[] = [];
      if (s.text) {
        const p = likePattern(s.text);
        where.push(
          sql`(${toilets.name} like ${p} escape '\\' or ${toilets.address} like ${p} escape '\\' or ${toilets.sourceRef} like ${p} escape '\\')`,
        );
      }
      if (s.district) where.push(eq(toilets.district, s.district));
      if (s.active !== undefined) where.push(eq(toilets.active, s.active));
      if (s.after) {
        const later = or(gt(toilets.name, s.after.name), and(eq(toilets.name, s.after.name), gt(toilets.id, s.after.id)));
        if (later) where.push(later);
      }
      const rows = await db
        .select({
          id: toilets.id,
          name: toilets.name,
          address: toilets.address,
          district: toilets.district,
          kind: toilets.kind,
          active: toilets.active,
          deactivatedReason: toilets.deactivatedReason,
          sourceRef: toilets.sourceRef,
          updatedAt: toilets.updatedAt,
        })
        .from(toilets)
        .where(where.length ? and(...where) : undefined)
        .orderBy(asc(toilets.name), asc(toilets.id))
        .limit(s.limit + 1);
      const page = rows.slice(0, s.limit).map((r) => ({ ...r, kind: r.kind as ToiletKind }));
      return { rows: page, more: rows.length > s.limit };
    },
  };
}
