import { z } from "zod";

/* Open311 clients' api keys, issued by an admin (the GeoReport v2 shapes themselves are the spec's). */

export const Open311KeyRequest = z.strictObject({ name: z.string().trim().min(1).max(80) });
export const Open311KeyResponse = z.object({ apiKey: z.string(), id: z.string(), name: z.string() }).meta({ id: "Open311Key" });
