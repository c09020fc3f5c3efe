import { z } from "zod";

/* Open311 clients' api keys, issued by an admin (the GeoReport v2 shapes themselves are the spec's). */

export const Open311KeyRequest = z.strictObject({ name: z.string().trim().min(1).max(80) });
export const Open311KeyResponse = z.object({ apiKey: z.string(), id: z.string(), name: z.string() }).meta({ id: "Open311Key" });
export type Open311KeyResponse = z.infer<typeof Open311KeyResponse>;
/** How many leading characters of a key are kept to tell keys apart (of 43; the rest is never stored). */
export const OPEN311_KEY_PREFIX_LENGTH = 6;
/** A key as admins see it after issue: never the key, only its first characters (null for older keys). */
export const Open311KeySummary = z
  .object({ id: z.string(), name: z.string(), prefix: z.string().nullable(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .meta({ id: "Open311KeySummary" });
export type Open311KeySummary = z.infer<typeof Open311KeySummary>;
export const Open311KeyList = z.object({ keys: z.array(Open311KeySummary) });
export type Open311KeyList = z.infer<typeof Open311KeyList>;
