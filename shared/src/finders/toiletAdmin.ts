import { z } from "zod";
import { queryInt } from "../http/query";
import { ImportRowError, ToiletSummary } from "./toilets";

/* The admin's toilet catalogue: search and list (inactive ones too), and the import's dry run. */

export const AdminToiletQuery = z.object({
  /** Part of the name, address or source id. */
  q: z.string().trim().max(60).optional(),
  district: z.string().max(40).optional(),
  /** "true": on the map; "false": deactivated; absent: both. */
  active: z.enum(["true", "false"]).optional(),
  cursor: z.string().max(400).optional(),
  limit: queryInt(1, 200, 50),
});
export type AdminToiletQuery = z.input<typeof AdminToiletQuery>;

export const AdminToiletRow = ToiletSummary.pick({ id: true, name: true, address: true, district: true, kind: true })
  .extend({
    active: z.boolean(),
    deactivatedReason: z.string().nullable(),
    sourceRef: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "AdminToiletRow" });
export type AdminToiletRow = z.infer<typeof AdminToiletRow>;

export const AdminToiletPage = z
  .object({ toilets: z.array(AdminToiletRow), nextCursor: z.string().nullable() })
  .meta({ id: "AdminToiletPage" });
export type AdminToiletPage = z.infer<typeof AdminToiletPage>;

/** What an import would do, row by row; nothing is written. `ok` false: the import would be refused. */
export const ToiletImportPreview = z
  .object({
    ok: z.boolean(),
    errors: z.array(ImportRowError),
    rows: z.array(
      z.object({
        row: z.number().int(),
        name: z.string(),
        district: z.string(),
        sourceRef: z.string().nullable(),
        action: z.enum(["create", "update"]),
      }),
    ),
    created: z.number().int(),
    updated: z.number().int(),
  })
  .meta({ id: "ToiletImportPreview" });
export type ToiletImportPreview = z.infer<typeof ToiletImportPreview>;
