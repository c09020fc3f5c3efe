import { z } from "zod";
import { DEFAULT_PUSH_FRESHNESS_MINUTES, PULL_FRESHNESS_MINUTES } from "./live";
import { ParkingLotDetail } from "./lots";

/*
 * The bureau's side: operators (each one data source), their signing keys, and the sources' health.
 */

export const SOURCE_KINDS = ["push", "pull"] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

const operatorFields = {
  name: z.string().trim().min(1).max(100),
  kind: SourceKind,
  /** Minutes a report stays fresh (push feeds; pull feeds are held to PULL_FRESHNESS_MINUTES). */
  freshnessMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  licence: z.string().trim().max(100),
  contact: z.string().trim().max(100),
  enabled: z.boolean(),
  /** Where the bureau fetches a pull source's ParkAPI JSON (pull.ts); none for push sources. */
  pullUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, "an http(s) address")
    .nullable(),
};

/** A pull source needs the address to fetch; a push source has none. */
const pullNeedsUrl = (o: { kind?: SourceKind; pullUrl?: string | null }) => o.kind !== "pull" || !!o.pullUrl;
const PULL_URL_ISSUE = { message: "a pull source needs pullUrl", path: ["pullUrl"] };

export const ParkingOperatorInput = z
  .strictObject({
    ...operatorFields,
    kind: operatorFields.kind.default("push"),
    freshnessMinutes: operatorFields.freshnessMinutes.default(DEFAULT_PUSH_FRESHNESS_MINUTES),
    licence: operatorFields.licence.default(""),
    contact: operatorFields.contact.default(""),
    enabled: operatorFields.enabled.default(true),
    pullUrl: operatorFields.pullUrl.default(null),
  })
  .refine(pullNeedsUrl, PULL_URL_ISSUE)
  .meta({ id: "ParkingOperatorInput" });
export type ParkingOperatorInput = z.input<typeof ParkingOperatorInput>;

export const ParkingOperatorUpdate = z.strictObject(operatorFields).partial().meta({ id: "ParkingOperatorUpdate" });
export type ParkingOperatorUpdate = z.input<typeof ParkingOperatorUpdate>;

/** An operator as it stands after an update: still a valid source? (pull needs its address) */
export const operatorStillValid = pullNeedsUrl;

/** The limit a source's reports are judged by. */
export const freshnessLimitMinutes = (source: { kind: SourceKind; freshnessMinutes: number }) =>
  source.kind === "pull" ? PULL_FRESHNESS_MINUTES : source.freshnessMinutes;

export const SOURCE_STATES = ["active", "failing", "disabled"] as const;
export const SourceState = z.enum(SOURCE_STATES);
export type SourceState = z.infer<typeof SourceState>;

export const SOURCE_STATE_LABELS: Record<SourceState, string> = { active: "正常", failing: "异常", disabled: "已停用" };

/**
 * disabled: switched off by the bureau. failing: its last word was an error, or it has not reported
 * within its freshness limit (its lots now show unknown). active otherwise.
 */
export function sourceState(
  s: { enabled: boolean; lastReportAt: string | null; lastErrorAt: string | null; limitMinutes: number },
  now: Date,
): SourceState {
  if (!s.enabled) return "disabled";
  if (s.lastReportAt === null) return "failing";
  if (s.lastErrorAt !== null && s.lastErrorAt > s.lastReportAt) return "failing";
  return now.getTime() - Date.parse(s.lastReportAt) > s.limitMinutes * 60_000 ? "failing" : "active";
}

export const ParkingOperator = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: SourceKind,
    freshnessMinutes: z.number().int(),
    licence: z.string(),
    contact: z.string(),
    enabled: z.boolean(),
    pullUrl: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "ParkingOperator" });
export type ParkingOperator = z.infer<typeof ParkingOperator>;

export const ParkingOperatorList = z.object({ operators: z.array(ParkingOperator) }).meta({ id: "ParkingOperatorList" });

export const FeedKey = z
  .object({
    keyId: z.string(),
    operatorId: z.string(),
    status: z.enum(["active", "revoked"]),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: "ParkingFeedKey" });
export type FeedKey = z.infer<typeof FeedKey>;

/** Answered once, at issue: the secret is not stored and cannot be shown again. */
export const IssuedFeedKey = FeedKey.extend({ secret: z.string() }).meta({ id: "ParkingIssuedFeedKey" });
export type IssuedFeedKey = z.infer<typeof IssuedFeedKey>;

export const FeedKeyList = z.object({ keys: z.array(FeedKey) }).meta({ id: "ParkingFeedKeyList" });

export const ParkingSource = z
  .object({
    operatorId: z.string(),
    name: z.string(),
    kind: SourceKind,
    freshnessLimitMinutes: z.number().int(),
    state: SourceState,
    lots: z.number().int(),
    lastReportAt: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    /** What went wrong last (a pull that failed, rows refused), for the bureau's eyes. */
    lastError: z.string().nullable(),
    rowsAccepted: z.number().int(),
    rowsRejected: z.number().int(),
    /** Signed requests refused (bad signature, skew, replay, revoked key) under one of its keys. */
    requestsRefused: z.number().int(),
  })
  .meta({ id: "ParkingSource" });
export type ParkingSource = z.infer<typeof ParkingSource>;

export const ParkingSourceList = z.object({ sources: z.array(ParkingSource) }).meta({ id: "ParkingSourceList" });
export type ParkingSourceList = z.infer<typeof ParkingSourceList>;

/**
 * A lot as the bureau edits it: the public detail without the chart, plus the operator's own id for it and
 * the lot's own licence (the detail's source.licence falls back to the operator's).
 */
export const ParkingAdminLot = ParkingLotDetail.omit({ last24h: true })
  .extend({ operatorLotId: z.string().nullable(), licence: z.string() })
  .meta({ id: "ParkingAdminLot" });
export type ParkingAdminLot = z.infer<typeof ParkingAdminLot>;

export const ParkingAdminLotList = z.object({ lots: z.array(ParkingAdminLot) }).meta({ id: "ParkingAdminLotList" });
export type ParkingAdminLotList = z.infer<typeof ParkingAdminLotList>;
