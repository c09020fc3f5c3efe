import {
  caseLabel,
  caseNumberOf,
  type Decision,
  decide,
  HISTORY_ACTION_LABELS,
  type HistoryAction,
  isErasedUser,
  isStaff,
  type LifecycleAction,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  type User,
} from "@civic/shared";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { auditLog, reportHistory, reports } from "../db/schema";
import type { AppDeps, AtomicQuery } from "../deps";
import { conflict, forbidden, validationFailed } from "../platform/errors";
import { guardedInsert } from "../platform/guarded-insert";
import { newId } from "../platform/ids";
import { type NotificationPayload, notifyStatement } from "../platform/notifications/outbox";
import { categoriesRepo } from "./categories.repo";
import { REPORT_TYPE } from "./photos";
import { type ReportRow, reportsRepo } from "./reports.repo";

/*
 * Every change to a report is one atomic() group whose statements are all guarded by "the report is still
 * at the version I read": the history row (seq = new version), outbox rows, the audit row, any extra
 * statements, and last the report's own update. Of two moderators acting on one version, exactly one
 * group applies; the other changes nothing and answers 409. No read sits between the guard and the write.
 */

export interface StepInput {
  report: ReportRow;
  actor: User | { id: null; kind: "open311" | "system" };
  /** The history action recorded (a lifecycle action, or a moderation edit that keeps the status). */
  action: HistoryAction;
  to: ReportStatus;
  /** 内部备注: staff only (history, audit). Never shown or sent to residents. */
  note?: string | null;
  /** 答复市民: on every viewer's timeline and in the residents' notification. */
  reply?: string | null;
  detail?: Record<string, unknown>;
  /** Columns to set on the report besides status/version/updated_at. */
  set?: Partial<typeof reports.$inferInsert>;
  /** More statements for the same group; build them with `guard` so they apply only with the step. */
  extra?: (guard: SQL) => AtomicQuery[];
  /** Who hears about it (the actor is left out). */
  notify?: string[];
  audit?: boolean;
}

export const versionGuard = (report: ReportRow) =>
  sql`exists (select 1 from ${reports} where ${reports.id} = ${report.id} and ${reports.version} = ${report.version})`;

export async function commitStep(deps: AppDeps, step: StepInput): Promise<void> {
  const { db } = deps;
  const now = deps.clock().toISOString();
  const r = step.report;
  const guard = versionGuard(r);
  const historyId = newId();
  const actorId = "kind" in step.actor ? null : step.actor.id;
  const actorKind =
    "kind" in step.actor ? step.actor.kind : r.reporterId === step.actor.id ? "resident" : isStaff(step.actor) ? "bureau" : "resident";
  const statements: AtomicQuery[] = [
    guardedInsert(
      db,
      reportHistory,
      {
        id: historyId,
        reportId: r.id,
        seq: r.version + 1,
        action: step.action,
        fromStatus: r.status,
        toStatus: step.to,
        actorId,
        actorKind,
        note: step.note ?? null,
        reply: step.reply ?? null,
        detail: step.detail ? JSON.stringify(step.detail) : null,
        at: now,
      },
      guard,
    ),
  ];
  if (step.notify?.length) {
    const category = await categoriesRepo(db).byCode(r.categoryCode);
    const payload = notificationFor(step, category?.name ?? "城市管理问题", r);
    for (const userId of new Set(step.notify)) {
      if (userId === actorId) continue;
      statements.push(notifyStatement(db, { userId, subject: { type: REPORT_TYPE, id: r.id }, payload, now, guard }));
    }
  }
  if (step.audit) {
    statements.push(
      guardedInsert(
        db,
        auditLog,
        {
          id: newId(),
          actorId,
          action: `report.${step.action}`,
          targetType: "report",
          targetId: r.id,
          detail: JSON.stringify({
            from: r.status,
            to: step.to,
            note: step.note ?? null,
            reply: step.reply ?? null,
            ...(step.detail ?? {}),
          }),
          at: now,
        },
        guard,
      ),
    );
  }
  statements.push(...(step.extra?.(guard) ?? []));
  statements.push(
    db
      .update(reports)
      .set({ ...step.set, status: step.to, version: r.version + 1, updatedAt: now })
      .where(and(eq(reports.id, r.id), eq(reports.version, r.version))),
  );
  try {
    await deps.atomic(statements);
  } catch (err) {
    // A constraint in the group refused it (e.g. a photo already used): nothing was written.
    throw conflict("the change could not be applied to the report's current state", {
      cause: String(err instanceof Error ? err.message : err),
    });
  }
  const won = await db.select({ id: reportHistory.id }).from(reportHistory).where(eq(reportHistory.id, historyId)).limit(1);
  if (won.length === 0) throw conflict("the report was changed by someone else meanwhile; reload it", { reportId: r.id });
}

function notificationFor(step: StepInput, categoryName: string, report: ReportRow): NotificationPayload {
  const status = REPORT_STATUS_LABELS[step.to];
  const bodies: Partial<Record<HistoryAction, string>> = {
    accept: "您反映的问题已受理立案，我们会尽快派遣处置。",
    reject: "您反映的问题未予立案，详情请查看。",
    merge: "您反映的问题与已有案件重复，已合并处理，您将继续收到进展。",
    dispatch: "您反映的问题已派遣至责任部门处置。",
    resolve: "您反映的问题已处理完毕，请查看处理结果并评价。",
    close: "您反映的问题已核查结案，感谢您的参与。",
    reopen: "您关注的问题已重新打开，将再次处置。",
  };
  const body = bodies[step.action] ?? `案件状态：${status}`;
  return {
    title: `${categoryName}：${HISTORY_ACTION_LABELS[step.action]}`,
    // Residents hear the bureau's public reply, never the internal note; it leads, since the subscribe
    // message shows only the body's first 20 characters. They name the case by its number on the hotline.
    body: `${step.reply ? `答复：${step.reply}；` : ""}【案件编号 ${caseLabel({ id: report.id, caseNumber: caseNumberOf(report) })}】${body}`,
    page: `pages/reports/detail?id=${report.id}`,
    status,
    subject: categoryName,
  };
}

/** decide() for the API: an allowed step, or the matching error (403 / 409 / 422). */
export function decideOrThrow(report: ReportRow, action: LifecycleAction, user: User, now: Date): Extract<Decision, { ok: true }> {
  const decision = decide(
    { status: report.status, reporterId: report.reporterId, resolvedAt: report.resolvedAt, rating: report.rating },
    action,
    user,
    now,
  );
  if (decision.ok) return decision;
  switch (decision.why) {
    case "forbidden":
      throw forbidden("you may not do this to this report");
    case "illegal_transition":
      throw conflict(`a report that is ${report.status} cannot be ${action.type === "rate" ? "rated" : `${action.type}ed`}`, {
        status: report.status,
      });
    case "reopen_window_closed":
      throw conflict("the 7 days to reopen this report have passed", { status: report.status });
    case "already_rated":
      throw conflict("this resolution has been rated already", { status: report.status });
    default:
      throw validationFailed("the action is not valid");
  }
}

/** Everyone who hears about a report's progress: its reporter and its followers. */
export async function audienceOf(deps: AppDeps, report: ReportRow): Promise<string[]> {
  const followers = await reportsRepo(deps.db).followerIds(report.id);
  // An unlinked report (deleted account, expired retention) names no one to tell.
  return report.reporterId && !isErasedUser(report.reporterId) ? [report.reporterId, ...followers] : followers;
}
