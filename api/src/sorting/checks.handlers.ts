import {
  CHECK_ERROR_INFO,
  type CheckError,
  type CheckInput,
  type CheckResult,
  checkTimeVerdict,
  cityClock,
  MANY_AWARDS_PER_MONTH,
  POINTS_PER_CORRECT_CHECK,
  REPEATED_ERRORS_NOTICE_EVERY_DAYS,
  REPEATED_ERRORS_THRESHOLD,
  REPEATED_ERRORS_WINDOW_DAYS,
} from "@civic/shared";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps, AtomicQuery } from "../deps";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { notifyStatement } from "../platform/notifications/outbox";
import type { AppRouteHandler } from "../platform/router";
import { checkUploadsUsable } from "../platform/uploads/attach";
import { flagStatement } from "../points/anomalies";
import { awardStatement, capsFor } from "../points/ledger";
import { householdLabel, resolveResidentCode } from "../points/resident-code";
import { type CheckRow, checksRepo } from "./checks.repo";
import type { syncChecks } from "./checks.routes";

/*
 * One synced check = one atomic group: the check row (ON CONFLICT(id) DO NOTHING), then, guarded by "this
 * group wrote it", the photo, the award (source check:<id>, cut to the day's caps), the anomaly flags and —
 * for an incorrect bag that makes the household's 3rd in 30 days — one friendly notice per 7 days.
 */

/** The inbox subject type of the repeated-errors notice (about the household itself). */
export const SORTING_ADVICE = "sorting_advice";
const DAY_MS = 24 * 60 * 60 * 1000;

type Check = z.output<typeof CheckInput>;
type Volunteer = { id: string };

function adviceBody(errors: readonly string[]): string {
  const known = [...new Set(errors)].filter((e): e is CheckError => e in CHECK_ERROR_INFO);
  const lines = known.map((e) => `「${CHECK_ERROR_INFO[e].label}」${CHECK_ERROR_INFO[e].rightWay}`);
  return `近期小蜜蜂志愿者在投放点发现您家的分类有几处可以做得更好：${lines.join("")}谢谢您的配合，正确分类还能获得积分哦！`;
}

async function existing(deps: AppDeps, id: string): Promise<CheckResult | null> {
  const repo = checksRepo(deps.db);
  const row = await repo.check(id);
  if (!row) return null;
  const ref = await repo.codeRef(row.accountId);
  return { id, status: "duplicate", points: await repo.pointsOf(id), householdLabel: ref ? householdLabel(ref) : "住户" };
}

async function syncOne(deps: AppDeps, volunteer: Volunteer, check: Check): Promise<CheckResult> {
  const id = check.id.toLowerCase();
  const conflict = (reason: Extract<CheckResult, { status: "conflict" }>["reason"]): CheckResult => ({ id, status: "conflict", reason });
  const first = await existing(deps, id);
  if (first) return first;

  const now = deps.clock();
  const checkedAt = new Date(check.checkedAt);
  const time = checkTimeVerdict(checkedAt, now);
  if (!time.ok) return conflict(time.reason);
  const repo = checksRepo(deps.db);
  const room = await repo.room(check.binRoomCode !== undefined ? { code: check.binRoomCode } : { id: check.binRoomId });
  if (!room) return conflict("unknown_room");
  const resolved = await resolveResidentCode(deps, check.code, { at: checkedAt });
  if (!resolved.ok) return conflict(resolved.reason === "code_expired" ? "code_expired" : "code_invalid");
  const accountId = resolved.accountId;
  if (accountId === volunteer.id) return conflict("self_check");
  if (check.photoId) {
    try {
      await checkUploadsUsable(deps, { uploadIds: [check.photoId], userId: volunteer.id, field: "photoId" });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) return conflict("bad_photo");
      throw e;
    }
  }

  const at = checkedAt.toISOString();
  const clock = cityClock(checkedAt, deps.config.cityZone);
  const month = clock.date.slice(0, 7);
  const row: CheckRow = {
    id,
    volunteerId: volunteer.id,
    binRoomId: room.id,
    communityId: room.communityId,
    accountId,
    correct: check.correct,
    errors: JSON.stringify(check.errors),
    photoUploadId: check.photoId ?? null,
    note: check.note ?? null,
    checkedAt: at,
    month,
    receivedAt: now.toISOString(),
  };
  const ran = repo.ran(row);
  const entryId = newId();
  const statements: AtomicQuery[] = [repo.insertStatement(row)];
  if (check.photoId) statements.push(repo.attachPhotoStatement(check.photoId, id, ran));
  if (check.correct) {
    statements.push(
      awardStatement(deps.db, {
        id: entryId,
        accountId,
        kind: "sorting_check",
        sourceKey: `check:${id}`,
        amount: POINTS_PER_CORRECT_CHECK,
        cap: await capsFor(deps.db, "sorting_check"),
        rule: `分类正确 ${POINTS_PER_CORRECT_CHECK} 分/次`,
        rate: POINTS_PER_CORRECT_CHECK,
        actorId: volunteer.id,
        day: clock.date,
        at,
        reason: `垃圾分类检查正确（${room.communityName} ${room.name}）`,
        guard: ran,
      }),
      flagStatement(deps.db, {
        id: newId(),
        kind: "many_awards_one_household",
        subjectKey: `volunteer:${volunteer.id}:household:${accountId}:${month}`,
        accountId,
        actorId: volunteer.id,
        entryId,
        detail: { month, over: MANY_AWARDS_PER_MONTH },
        at: now.toISOString(),
        when: sql`${ran} and ${repo.awardsInMonth(volunteer.id, accountId, month)} > ${MANY_AWARDS_PER_MONTH}`,
      }),
    );
  }
  statements.push(
    flagStatement(deps.db, {
      id: newId(),
      kind: "outside_volunteer_communities",
      subjectKey: `check:${id}`,
      accountId,
      actorId: volunteer.id,
      entryId: check.correct ? entryId : null,
      detail: { binRoomId: room.id, communityId: room.communityId },
      at: now.toISOString(),
      when: sql`${ran} and ${repo.outsideCommunities(volunteer.id, room.communityId)}`,
    }),
    flagStatement(deps.db, {
      id: newId(),
      kind: "household_not_in_community",
      subjectKey: `check:${id}`,
      accountId,
      actorId: volunteer.id,
      entryId: check.correct ? entryId : null,
      detail: { binRoomId: room.id, communityId: room.communityId },
      at: now.toISOString(),
      when: sql`${ran} and ${repo.registeredElsewhere(accountId, room.communityId)}`,
    }),
  );
  if (!check.correct) {
    const windowStart = new Date(checkedAt.getTime() - REPEATED_ERRORS_WINDOW_DAYS * DAY_MS).toISOString();
    const recent = await repo.recentErrors(accountId, windowStart);
    statements.push(
      notifyStatement(deps.db, {
        userId: accountId,
        subject: { type: SORTING_ADVICE, id: accountId },
        payload: {
          title: "垃圾分类小提醒",
          body: adviceBody([...check.errors, ...recent.flat()]),
          page: "pages/inbox/index",
          status: "分类提醒",
          subject: "垃圾分类",
        },
        now: now.toISOString(),
        guard: sql`${ran} and ${repo.incorrectSince(accountId, windowStart)} >= ${REPEATED_ERRORS_THRESHOLD} and ${repo.noNoticeSince(
          accountId,
          SORTING_ADVICE,
          new Date(now.getTime() - REPEATED_ERRORS_NOTICE_EVERY_DAYS * DAY_MS).toISOString(),
        )}`,
      }),
    );
  }
  await deps.atomic(statements);

  const written = await repo.check(id);
  if (!written) return conflict("code_invalid");
  if (written.receivedAt !== row.receivedAt || written.volunteerId !== volunteer.id)
    return (await existing(deps, id)) ?? conflict("code_invalid");
  return { id, status: "accepted", points: await repo.pointsOf(id), householdLabel: resolved.householdLabel };
}

export const syncChecksHandler: AppRouteHandler<typeof syncChecks> = async (c) => {
  const deps = c.get("deps");
  const volunteer = currentUser(c);
  const results: CheckResult[] = [];
  // One group per check, in order: a later check's caps see the earlier ones.
  for (const check of c.req.valid("json").checks) results.push(await syncOne(deps, volunteer, check as Check));
  return c.json({ results }, 200);
};
