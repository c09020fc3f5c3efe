import {
  addCityDays,
  type CollectorJob,
  cityClock,
  DEFAULT_CITY,
  decidePickup,
  type PickupOutcome,
  type PickupPhoto,
  type PickupStatus,
  type PickupWindow,
  pickupStreetCode,
} from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import { notifyStatement } from "../platform/notifications/outbox";
import type { AppRouteHandler } from "../platform/router";
import { bookingChangesRepo } from "./booking-changes.repo";
import { collectorRepo } from "./collector.repo";
import type { acceptJob, adminListCollectors, adminSetCollectorStreets, collectorJobs, releaseJob } from "./collector.routes";
import { collectorDayRepo } from "./collector-day.repo";
import { bookingPhotos } from "./photos";
import { pickupPage, pickupSettings, pickupStateOf } from "./pickup-views";
import { type BookingItemRow, type BookingRow, pickupsRepo } from "./pickups.repo";

const KNOWN_STREETS = new Set(DEFAULT_CITY.streets.map(pickupStreetCode));

/** A job as a collector sees it: who and where (and the resident's photos) only when `collectorId` holds it. */
export function toJob(
  b: BookingRow,
  items: readonly BookingItemRow[],
  collectorId: string,
  outcome?: PickupOutcome | null,
  photos?: PickupPhoto[],
): CollectorJob {
  const mine = b.collectorId === collectorId;
  return {
    id: b.id,
    status: b.status as PickupStatus,
    streetCode: b.streetCode,
    date: b.date,
    window: b.window as PickupWindow,
    items: items.map((i) => ({ code: i.code, name: i.name, qty: i.qty, recyclable: i.recyclable })),
    volumePoints: b.volumePoints,
    mine,
    contact: mine
      ? {
          number: b.number,
          address: b.address,
          location: { lat: b.lat, lng: b.lng },
          placement: b.placement,
          accessNotes: b.accessNotes,
          contactPhone: b.contactPhone,
          onBehalf: b.onBehalfName ? { name: b.onBehalfName } : null,
        }
      : null,
    ...(mine && outcome !== undefined ? { outcome } : {}),
    ...(mine ? { photos: photos ?? [] } : {}),
    version: b.version,
  };
}

export async function renderJob(deps: AppDeps, b: BookingRow, collectorId: string, outcome?: PickupOutcome | null) {
  const photos = b.collectorId === collectorId ? (await bookingPhotos(deps, [b.id], collectorId)).get(b.id)?.photos : undefined;
  return toJob(b, await pickupsRepo(deps.db).bookingItems(b.id), collectorId, outcome, photos);
}

export const adminListCollectorsHandler: AppRouteHandler<typeof adminListCollectors> = async (c) => {
  const repo = collectorRepo(c.get("deps").db);
  const [people, streets] = await Promise.all([repo.collectors(), repo.allCollectorStreets()]);
  const collectors = people.map((p) => ({
    userId: p.id,
    nickname: p.nickname,
    streets: streets.filter((s) => s.userId === p.id).map((s) => s.streetCode),
  }));
  return c.json({ collectors }, 200);
};

export const adminSetCollectorStreetsHandler: AppRouteHandler<typeof adminSetCollectorStreets> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { userId } = c.req.valid("param");
  const streets = [...new Set(c.req.valid("json").streets)].sort();
  const unknown = streets.filter((s) => !KNOWN_STREETS.has(s));
  if (unknown.length) {
    throw validationFailed(
      "unknown streets",
      unknown.map((s) => ({ path: "streets", message: `unknown street ${s}` })),
    );
  }
  const repo = collectorRepo(deps.db);
  if (!(await repo.userExists(userId))) throw notFound("user");
  if (!(await repo.isCollector(userId))) {
    throw validationFailed("this user is not a collector; grant the collector role first", [
      { path: "userId", message: "not a collector" },
    ]);
  }
  const at = deps.clock().toISOString();
  await deps.atomic([
    ...repo.replaceStreetsStatements(userId, streets, at),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "pickup.collector.streets",
      targetType: "user",
      targetId: userId,
      detail: { streets },
      at,
    }),
  ]);
  return c.json({ userId, streets: await repo.streetsOf(userId) }, 200);
};

export const collectorJobsHandler: AppRouteHandler<typeof collectorJobs> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { date } = c.req.valid("query");
  // Without a date: today (jobs still to work) and the days residents can book.
  const today = cityClock(deps.clock(), deps.config.cityZone).date;
  const from = date ?? today;
  const to = date ?? addCityDays(today, pickupSettings(deps).windowDays);
  const repo = collectorRepo(deps.db);
  const rows = await repo.jobs(user.id, from, to);
  const items = await repo.itemsOf(rows.map((b) => b.id));
  const held = rows.filter((b) => b.collectorId === user.id).map((b) => b.id);
  const photos = await bookingPhotos(deps, held, user.id);
  const jobs = rows.map((b) =>
    toJob(
      b,
      items.filter((i) => i.bookingId === b.id),
      user.id,
      undefined,
      photos.get(b.id)?.photos,
    ),
  );
  return c.json({ jobs, from, to }, 200);
};

export const acceptJobHandler: AppRouteHandler<typeof acceptJob> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const repo = collectorRepo(deps.db);
  const b = await repo.jobInStreets(user.id, c.req.valid("param").id);
  if (!b) throw notFound("job");
  if (b.collectorId === user.id && b.status === "accepted") return c.json(await renderJob(deps, b, user.id), 200);
  const now = deps.clock();
  const d = decidePickup(pickupStateOf(deps, b), { type: "accept" }, user, now);
  if (!d.ok) throw conflict(b.status === "cancelled" ? "this booking was cancelled" : "another collector has this job", { reason: d.why });
  const at = now.toISOString();
  const pickups = pickupsRepo(deps.db);
  // History and the resident's notice exist only if this caller's accept is the one that applied.
  const won = repo.acceptedGuard(b, user.id);
  await deps.atomic([
    repo.acceptStatement(b, user.id, at),
    pickups.historyStatement({ bookingId: b.id, action: "accept", from: "booked", to: "accepted", actorId: user.id, at }, won),
    notifyStatement(deps.db, {
      userId: b.residentId,
      subject: { type: "pickup", id: b.id },
      payload: {
        title: "回收员已接单",
        body: `您 ${b.date} ${b.window === "am" ? "上午" : "下午"} 的大件垃圾预约已有回收员接单`,
        page: pickupPage(b.id),
        status: "回收员已接单",
        subject: "大件垃圾预约",
        templateId: deps.config.notifications.pickupTemplateId,
      },
      now: at,
      guard: won,
    }),
  ]);
  const after = await pickupsRepo(deps.db).booking(b.id);
  if (after?.collectorId !== user.id || after.version !== b.version + 1) {
    throw conflict("another collector has this job", { reason: "taken" });
  }
  return c.json(await renderJob(deps, after, user.id), 200);
};

export const releaseJobHandler: AppRouteHandler<typeof releaseJob> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { reason } = c.req.valid("json");
  const repo = collectorRepo(deps.db);
  const b = await repo.jobInStreets(user.id, c.req.valid("param").id);
  // Held by the caller but on a street since taken away from them: still theirs to give back.
  const job = b ?? (await heldBy(deps, c.req.valid("param").id, user.id));
  if (!job) throw notFound("job");
  const now = deps.clock();
  const d = decidePickup(pickupStateOf(deps, job), { type: "release", reason }, user, now);
  if (!d.ok) {
    const msg =
      d.why === "deadline_passed"
        ? "a job can be released only before its collection day"
        : d.why === "forbidden"
          ? "only the collector holding this job may release it"
          : "this job cannot be released";
    throw conflict(msg, { reason: d.why });
  }
  const at = now.toISOString();
  // The history row claims the release (only while the job is as read and still the caller's); the move
  // applies only once that claim is written, so of parallel releases exactly one writes anything.
  const changes = bookingChangesRepo(deps.db);
  const hid = newId();
  const entry = { action: "release", from: job.status, to: "booked", actorId: user.id, note: reason, at };
  await deps.atomic([
    changes.claimStatement(job, hid, entry, collectorDayRepo(deps.db).heldGuard(job.id, user.id)),
    repo.releaseStatement(job, user.id, at, changes.ran(hid)),
  ]);
  const after = await pickupsRepo(deps.db).booking(job.id);
  if (!after || !(await changes.claimed(hid))) throw conflict("the job changed meanwhile; reload and try again", { reason: "stale" });
  return c.json(await renderJob(deps, after, user.id), 200);
};

export async function heldBy(deps: AppDeps, id: string, collectorId: string) {
  const b = await pickupsRepo(deps.db).booking(id);
  return b && b.collectorId === collectorId ? b : null;
}
