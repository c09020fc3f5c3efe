import type { ContractHarness } from "../harness";
import type { FeedKey } from "../parking-fixtures";

/*
 * The authorization matrix's table: who may call what, one row per route the OpenAPI document lists,
 * in files named after the API's domain folders. The runner is ../authorization.contract.ts.
 */
export const CALLERS = ["anonymous", "owner", "resident", "collector", "volunteer", "moderator", "admin"] as const;
export type Caller = (typeof CALLERS)[number];
export type Access = "public" | "signed-in" | Caller[];

export interface Fixture {
  toiletId: string;
  userId: string;
  feedbackId: string;
  /** The owner's report, left submitted: visible to the owner and staff only. */
  privateReportId: string;
  /** The owner's report that the moderation rows act on. */
  caseReportId: string;
  /** The owner's photo on the private report. */
  photoId: string;
  /** An Open311 api_key issued by an admin. */
  open311Key: string;
  /** A pickup slot with room, and the owner's booking on it. */
  pickupSlotId: string;
  pickupId: string;
  /** An active night market, and a suspension on it that the admin row calls off. */
  marketId: string;
  marketSuspensionId: string;
  /** A weigh-in's ledger entry for the owner's household, and the weight flag it raised. */
  pointsEntryId: string;
  pointsFlagId: string;
  /** A reward on offer, and the owner's redemption of it with its pickup code. */
  rewardId: string;
  redemptionId: string;
  pickupCode: string;
  ownerId: string;
  /** The owner's pending suggestion for the sorting guide. */
  guideSuggestionId: string;
  /** A parking operator with a lot and two feed keys (one to sign with, one the revoke row revokes). */
  parkingOperatorId: string;
  parkingLotId: string;
  parkingKey: FeedKey;
  spareParkingKeyId: string;
  /** A community with a bin room, and the volunteer caller's user id. */
  communityId: string;
  binRoomId: string;
  volunteerId: string;
}

export interface Row {
  access: Access;
  path: (f: Fixture) => string;
  body?: (f: Fixture, h: ContractHarness) => unknown;
  headers?: Record<string, string>;
  /** Turned-away callers get 404: the object is invisible to them. */
  hidden?: boolean;
  /** The route needs no sign-in (so a hidden object is 404 for anonymous callers too). */
  anonymousAllowedIn?: boolean;
  /** Turned away, but they may see the object: 403 rather than 404 (staff on the reporter's own actions). */
  visibleTo?: Caller[];
  /** Headers computed from the fixture and the body sent (a signed operator feed). */
  signed?: (f: Fixture, body: string) => Promise<Record<string, string>>;
}

export const STAFF: Caller[] = ["moderator", "admin"];
export const REPORTER_AND_STAFF: Caller[] = ["owner", "moderator", "admin"];
export const staffAction = (action: string, body: unknown): Row => ({
  access: STAFF,
  path: (f) => `/api/v1/moderation/reports/${f.caseReportId}/${action}`,
  body: () => body,
});

export const ADMIN_ONLY: Caller[] = ["admin"];

export const adminRow = (path: (f: Fixture) => string, body?: unknown): Row => ({
  access: ADMIN_ONLY,
  path,
  ...(body === undefined ? {} : { body: () => body }),
});

export type Rows = Record<string, Row>;
