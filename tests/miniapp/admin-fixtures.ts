import { AdminToiletRow, AuditEntry, Open311KeySummary, User } from "@civic/shared";

/* Admin console test data, built through the shared schemas so a contract change breaks these tests too. */

export const adminUser = (over: Partial<User> = {}): User =>
  User.parse({
    id: "0190a1b2-0000-7000-8000-0000000000b0",
    nickname: "张师傅",
    roles: ["resident"],
    createdAt: "2026-09-01T00:00:00.000Z",
    ...over,
  });

export const auditEntry = (over: Partial<AuditEntry> = {}): AuditEntry =>
  AuditEntry.parse({
    id: "a-1",
    actorId: "0190a1b2-0000-7000-8000-0000000000aa",
    action: "role.grant",
    targetType: "user",
    targetId: "0190a1b2-0000-7000-8000-0000000000b0",
    detail: { role: "collector" },
    at: "2026-11-20T02:30:00.000Z",
    ...over,
  });

export const toiletRow = (over: Partial<AdminToiletRow> = {}): AdminToiletRow =>
  AdminToiletRow.parse({
    id: "t-1",
    name: "观前街醋坊桥公厕",
    address: "姑苏区观前街1号",
    district: "姑苏区",
    kind: "municipal",
    active: true,
    deactivatedReason: null,
    sourceRef: "gq-1",
    updatedAt: "2026-11-01T00:00:00.000Z",
    ...over,
  });

export const keySummary = (over: Partial<Open311KeySummary> = {}): Open311KeySummary =>
  Open311KeySummary.parse({
    id: "k-1",
    name: "12345 热线",
    prefix: "Ab3dE9",
    createdAt: "2026-11-01T00:00:00.000Z",
    revokedAt: null,
    ...over,
  });

export const validation = (details: { path: string; message: string }[]) => ({
  statusCode: 422,
  data: { error: { code: "validation_failed", message: "the request body is not valid", details } },
});
