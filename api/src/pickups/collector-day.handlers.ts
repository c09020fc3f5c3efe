import {
  type CollectorRouteStop,
  cityClock,
  decidePickup,
  orderRoute,
  type PickupAction,
  type PickupWindow,
  type TakenLine,
  UNABLE_REASON_LABELS,
} from "@civic/shared";
import type { SQL } from "drizzle-orm";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps, AtomicQuery } from "../deps";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import { notifyStatement } from "../platform/notifications/outbox";
import type { AppRouteHandler } from "../platform/router";
import { attachUploads } from "../platform/uploads/attach";
import { creditPickupRecycled } from "../points/pickup-credit";
import { bookingChangesRepo } from "./booking-changes.repo";
import { heldBy, renderJob, toJob } from "./collector.handlers";
import { collectorRepo } from "./collector.repo";
import { collectorDayRepo, OUTCOME_PHOTOS } from "./collector-day.repo";
import type { arriveJob, collectorRoute, completeJob, unableJob } from "./collector-day.routes";
import { bookingPhotos } from "./photos";
import { pickupOutcomeOf, pickupPage, pickupStateOf } from "./pickup-views";
import { type BookingRow, pickupsRepo } from "./pickups.repo";

/* The collector's day: arrive, complete, unable (each one claimed atomic group), and the day's route. */

type User = { id: string; roles: readonly string[] };

/** The job as the caller may see it: in their streets or held by them; anything else is 404. */
async function visibleJob(deps: AppDeps, user: User, id: string): Promise<BookingRow> {
  const job = (await collectorRepo(deps.db).jobInStreets(user.id, id)) ?? (await heldBy(deps, id, user.id));
  if (!job) throw notFound("job");
  return job;
}

const MESSAGES: Record<string, string> = {
  forbidden: "only the collector holding this job may do this",
  too_early: "this job can be worked only on its collection day",
  illegal_transition: "not possible in the job's current status",
};

function decide(deps: AppDeps, job: BookingRow, action: PickupAction, user: User) {
  const d = decidePickup(pickupStateOf(deps, job), action, user, deps.clock());
  if (!d.ok) throw conflict(MESSAGES[d.why] ?? "not possible now", { reason: d.why, status: job.status });
  return d;
}

/**
 * One claimed group: the history row (only while the job is as read and still the caller's), then the
 * status move and `extra` statements, all guarded by the claim. Returns the job after, or a 409.
 */
async function workJob(
  deps: AppDeps,
  user: User,
  job: BookingRow,
  hid: string,
  move: { action: string; to: string; note: string | null },
  extra: (ran: SQL, at: string) => AtomicQuery[],
): Promise<BookingRow> {
  const changes = bookingChangesRepo(deps.db);
  const day = collectorDayRepo(deps.db);
  const at = deps.clock().toISOString();
  const ran = changes.ran(hid);
  const entry = { action: move.action, from: job.status, to: move.to, actorId: user.id, note: move.note, at };
  await deps.atomic([
    changes.claimStatement(job, hid, entry, day.heldGuard(job.id, user.id)),
    day.workStatement(job, user.id, move.to, at, ran),
    ...extra(ran, at),
  ]);
  const after = await pickupsRepo(deps.db).booking(job.id);
  if (!after || !(await changes.claimed(hid))) {
    throw conflict("the job changed meanwhile; reload and try again", { reason: "stale", status: after?.status ?? job.status });
  }
  return after;
}

export const arriveJobHandler: AppRouteHandler<typeof arriveJob> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const job = await visibleJob(deps, user, c.req.valid("param").id);
  // Saying so twice is harmless.
  if (job.status === "arrived" && job.collectorId === user.id) return c.json(await renderJob(deps, job, user.id), 200);
  decide(deps, job, { type: "arrive" }, user);
  const after = await workJob(deps, user, job, newId(), { action: "arrive", to: "arrived", note: null }, () => []);
  return c.json(await renderJob(deps, after, user.id), 200);
};

const round2 = (kg: number) => Math.round(kg * 100) / 100;

/** Taken lines must be catalogue items, each once; kg required for recyclable items and refused for the others. */
async function checkTaken(deps: AppDeps, taken: readonly TakenLine[]) {
  const catalogue = new Map((await pickupsRepo(deps.db).items(true)).map((i) => [i.code, i]));
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const lines = taken.flatMap((line, i) => {
    const item = catalogue.get(line.code);
    if (seen.has(line.code)) issues.push({ path: `taken.${i}.code`, message: `${line.code} is listed twice` });
    seen.add(line.code);
    if (!item) {
      issues.push({ path: `taken.${i}.code`, message: `unknown item ${line.code}` });
      return [];
    }
    if (item.recyclable && line.kg === undefined) {
      issues.push({ path: `taken.${i}.kg`, message: `${item.name} is recyclable: weigh it (kg)` });
    }
    if (!item.recyclable && line.kg !== undefined) {
      issues.push({ path: `taken.${i}.kg`, message: `${item.name} is not recyclable: no weight` });
    }
    return [{ line, item }];
  });
  if (issues.length) throw validationFailed(issues.map((x) => x.message).join("; "), issues);
  return lines;
}

/**
 * How complete and unable end a job: the collector's photos attached, the outcome's rows written, the job
 * moved and the resident told, in one claimed group; answers the job with its outcome.
 */
async function finishJob(
  deps: AppDeps,
  user: User,
  job: BookingRow,
  f: {
    photoIds: readonly string[];
    move: { action: "complete" | "unable"; to: "completed" | "unable"; note: string | null };
    rows: (ran: SQL, at: string) => AtomicQuery[];
    notice: { title: string; body: string; status: string };
  },
) {
  const hid = newId();
  const photos = await attachUploads(deps, {
    ownerType: OUTCOME_PHOTOS,
    ownerId: job.id,
    uploadIds: [...f.photoIds],
    userId: user.id,
    guard: bookingChangesRepo(deps.db).ran(hid),
  });
  const after = await workJob(deps, user, job, hid, f.move, (ran, at) => [
    ...f.rows(ran, at),
    ...photos,
    notifyStatement(deps.db, {
      userId: job.residentId,
      subject: { type: "pickup", id: job.id },
      payload: { ...f.notice, page: pickupPage(job.id), subject: "大件垃圾预约", templateId: deps.config.notifications.pickupTemplateId },
      now: at,
      guard: ran,
    }),
  ]);
  return renderJob(deps, after, user.id, await pickupOutcomeOf(deps, job.id, user.id));
}

export const completeJobHandler: AppRouteHandler<typeof completeJob> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const body = c.req.valid("json");
  const job = await visibleJob(deps, user, c.req.valid("param").id);
  decide(deps, job, { type: "complete" }, user);
  const lines = await checkTaken(deps, body.taken);
  const day = collectorDayRepo(deps.db);
  // Recyclable weight per class (the item's category): the ledger recycling points will credit.
  const perClass = new Map<string, number>();
  for (const { line, item } of lines) {
    if (item.recyclable && line.kg !== undefined) perClass.set(item.category, (perClass.get(item.category) ?? 0) + line.kg);
  }
  const note = body.note ?? null;
  const answer = await finishJob(deps, user, job, {
    photoIds: body.photoIds,
    move: { action: "complete", to: "completed", note },
    rows: (ran, at) => [
      day.outcomeStatement({ bookingId: job.id, status: "completed", collectorId: user.id, unableReason: null, note, at }, ran),
      ...lines.map(({ line, item }) =>
        day.takenStatement(
          {
            bookingId: job.id,
            code: item.code,
            name: item.name,
            category: item.category,
            recyclable: item.recyclable,
            qty: line.qty,
            kg: line.kg === undefined ? null : round2(line.kg),
          },
          ran,
        ),
      ),
      ...[...perClass].map(([cls, kg]) =>
        day.recycledStatement(
          { id: newId(), bookingId: job.id, residentId: job.residentId, class: cls, kg: round2(kg), at, creditedAt: null },
          ran,
        ),
      ),
    ],
    notice: {
      title: "大件垃圾已收运",
      body: `您 ${job.date} 预约的大件垃圾已收运，感谢配合。欢迎为本次收运服务评价。`,
      status: "已收运",
    },
  });
  // The kg just recorded earn the resident recycling points now; if that fails, the scheduled job credits them.
  await creditPickupRecycled(deps, { bookingId: job.id }).catch((err: unknown) =>
    deps.log.warn("points: crediting a completed pickup failed; the scheduled job will retry", { bookingId: job.id, error: String(err) }),
  );
  return c.json(answer, 200);
};

export const unableJobHandler: AppRouteHandler<typeof unableJob> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const body = c.req.valid("json");
  const job = await visibleJob(deps, user, c.req.valid("param").id);
  const label = UNABLE_REASON_LABELS[body.reason];
  decide(deps, job, { type: "unable", reason: label }, user);
  const day = collectorDayRepo(deps.db);
  const note = body.note ?? null;
  const answer = await finishJob(deps, user, job, {
    photoIds: body.photoIds,
    move: { action: "unable", to: "unable", note: note ? `${label}：${note}` : label },
    rows: (ran, at) => [
      day.outcomeStatement({ bookingId: job.id, status: "unable", collectorId: user.id, unableReason: body.reason, note, at }, ran),
    ],
    notice: { title: "未能收运", body: `回收员未能收运您 ${job.date} 预约的大件垃圾：${label}`, status: "未能收运" },
  });
  return c.json(answer, 200);
};

export const collectorRouteHandler: AppRouteHandler<typeof collectorRoute> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const q = c.req.valid("query");
  if ((q.lat === undefined) !== (q.lng === undefined)) {
    throw validationFailed("give both lat and lng for the start point, or neither", [
      { path: q.lat === undefined ? "lat" : "lng", message: "required with the other" },
    ]);
  }
  const date = q.date ?? cityClock(deps.clock(), deps.config.cityZone).date;
  const start = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : null;
  const rows = await collectorDayRepo(deps.db).heldOn(user.id, date, ["accepted", "arrived"]);
  const items = await collectorRepo(deps.db).itemsOf(rows.map((b) => b.id));
  const photos = await bookingPhotos(
    deps,
    rows.map((b) => b.id),
    user.id,
  );
  const legs = orderRoute(
    rows.map((b) => ({ id: b.id, window: b.window as PickupWindow, location: { lat: b.lat, lng: b.lng }, row: b })),
    start,
  );
  const stops: CollectorRouteStop[] = legs.map((l, i) => ({
    order: i + 1,
    legMeters: l.legMeters,
    job: toJob(
      l.job.row,
      items.filter((it) => it.bookingId === l.job.id),
      user.id,
      undefined,
      photos.get(l.job.id)?.photos,
    ),
  }));
  const totalMeters = stops.reduce((s, x) => s + x.legMeters, 0);
  return c.json({ date, method: "nearest-neighbour" as const, start, stops, totalMeters }, 200);
};
