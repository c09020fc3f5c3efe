import { z } from "zod";
import { Role } from "../auth/schemas";
import { DELETE_ACCOUNT_CONFIRMATION } from "./policy";

/* The caller's own account: consent, export (PIPL right of access) and deletion (right of erasure). */

export const ConsentRecord = z.object({ policyVersion: z.string(), acceptedAt: z.string() }).meta({ id: "ConsentRecord" });
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const ConsentRequest = z.strictObject({ policyVersion: z.string().min(1).max(32) });
export type ConsentRequest = z.infer<typeof ConsentRequest>;

/** What the privacy page needs: the policy in force, how long reports stay linked, and what the user accepted. */
export const PrivacyStatus = z
  .object({
    policyVersion: z.string(),
    retentionDays: z.number().int(),
    /** The latest acceptance, or null when the user has never accepted one. */
    consent: ConsentRecord.nullable(),
    /** True when the latest acceptance is of the policy in force. */
    upToDate: z.boolean(),
  })
  .meta({ id: "PrivacyStatus" });
export type PrivacyStatus = z.infer<typeof PrivacyStatus>;

const ExportPhoto = z.object({ id: z.string(), kind: z.string(), url: z.string() });

export const AccountExport = z
  .object({
    exportedAt: z.string(),
    policyVersion: z.string(),
    profile: z.object({
      id: z.string(),
      /** WeChat's identifiers for this user; the session_key is held but never handed out. */
      openid: z.string(),
      unionid: z.string().nullable(),
      nickname: z.string().nullable(),
      createdAt: z.string(),
      sessionKeyHeld: z.boolean(),
    }),
    roles: z.array(z.object({ role: Role, grantedAt: z.string() })),
    sessions: z.array(z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable() })),
    reports: z.array(
      z.object({
        id: z.string(),
        categoryCode: z.string(),
        description: z.string(),
        address: z.string(),
        location: z.object({ lat: z.number(), lng: z.number() }),
        district: z.string(),
        attributes: z.record(z.string(), z.unknown()),
        status: z.string(),
        rating: z.number().int().nullable(),
        ratingComment: z.string().nullable(),
        createdAt: z.string(),
        updatedAt: z.string(),
        closedAt: z.string().nullable(),
        photos: z.array(ExportPhoto),
      }),
    ),
    follows: z.array(z.object({ reportId: z.string(), createdAt: z.string() })),
    ratings: z.array(z.object({ reportId: z.string(), rating: z.number().int(), comment: z.string().nullable() })),
    /** Photos uploaded but attached to nothing (yet). */
    unattachedPhotos: z.array(ExportPhoto.extend({ createdAt: z.string() })),
    inbox: z.array(
      z.object({
        id: z.string(),
        /** What the message is about (e.g. type "report" and the report's id). */
        subjectType: z.string().nullable(),
        subjectId: z.string().nullable(),
        title: z.string(),
        body: z.string(),
        createdAt: z.string(),
        readAt: z.string().nullable(),
      }),
    ),
    notifications: z.array(
      z.object({
        id: z.string(),
        subjectType: z.string().nullable(),
        subjectId: z.string().nullable(),
        state: z.string(),
        channel: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    toiletFeedback: z.array(
      z.object({
        id: z.string(),
        toiletId: z.string(),
        kind: z.string(),
        note: z.string(),
        status: z.string(),
        resolutionNote: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    consents: z.array(ConsentRecord),
    idempotencyKeys: z.array(z.object({ key: z.string(), resourceId: z.string(), createdAt: z.string() })),
    /** Audit rows that name the user as actor (staff acts) or as target (role changes). */
    audit: z.array(
      z.object({ action: z.string(), targetType: z.string(), targetId: z.string(), at: z.string(), as: z.enum(["actor", "target"]) }),
    ),
    /** How many of each, for a summary screen. */
    counts: z.record(z.string(), z.number().int()),
  })
  .meta({ id: "AccountExport" });
export type AccountExport = z.infer<typeof AccountExport>;

export const DeleteAccountRequest = z.strictObject({ confirm: z.literal(DELETE_ACCOUNT_CONFIRMATION) });
export type DeleteAccountRequest = z.infer<typeof DeleteAccountRequest>;

/** Why a kind of record outlives the account (stable code for clients, Chinese text for people). */
export const KEPT_REASONS = {
  city_record: "举报作为城市管理记录保留，已与您的身份解除关联",
  accepted_case_evidence: "已立案案件的照片作为办案证据保留，已与您的身份解除关联",
  facility_maintenance: "公厕反馈用于设施维护，已与您的身份解除关联",
  satisfaction_statistics: "评价分数计入回访满意率统计，已与您的身份解除关联",
  staff_accountability: "您作为工作人员的操作记录依法保留，用于问责",
} as const;
export type KeptReason = keyof typeof KEPT_REASONS;

export const AccountDeletionResult = z
  .object({
    deletedAt: z.string(),
    /** Rows removed (or, for sessions, revoked) by kind. */
    removed: z.record(z.string(), z.number().int()),
    kept: z.array(
      z.object({
        what: z.string(),
        count: z.number().int(),
        code: z.enum(Object.keys(KEPT_REASONS) as [KeptReason, ...KeptReason[]]),
        reason: z.string(),
      }),
    ),
  })
  .meta({ id: "AccountDeletionResult" });
export type AccountDeletionResult = z.infer<typeof AccountDeletionResult>;
