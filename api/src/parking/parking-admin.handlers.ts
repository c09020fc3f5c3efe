import {
  cityClock,
  freshnessLimitMinutes,
  type HourlyRate,
  type OpeningHours,
  ParkingLotInput,
  type ParkingLotRecordInput,
  type ParkingSource,
  sourceState,
} from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { isUniqueViolation } from "../platform/db-errors";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { type LotRow, limitOf, lotsRepo } from "./lots.repo";
import { operatorsRepo } from "./operators.repo";
import type {
  createParkingLot,
  listParkingLotsForAdmin,
  listParkingSources,
  parkingLotForAdmin,
  updateParkingLot,
} from "./parking-admin.routes";

/*
 * The bureau's lots and the sources' health. Every write is one atomic group with its audit row.
 */

async function runGuarded(deps: AppDeps, statements: unknown[], what: string) {
  try {
    await deps.atomic(statements);
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(`${what}: the operator already has a lot with this operatorLotId`, { reason: "operator_lot_id_taken" });
    throw err;
  }
}

async function operatorLimit(deps: AppDeps, operatorId: string | null): Promise<number> {
  if (operatorId === null) return 0;
  const op = await operatorsRepo(deps.db).byId(operatorId);
  if (!op) throw validationFailed("no such operator", [{ path: "operatorId", message: "no such operator" }]);
  return limitOf(op);
}

async function lotDetail(deps: AppDeps, id: string) {
  const now = deps.clock();
  const detail = await lotsRepo(deps.db).detail(id, cityClock(now, deps.config.cityZone), now);
  if (!detail) throw notFound("parking lot");
  return detail;
}

export const createParkingLotHandler: AppRouteHandler<typeof createParkingLot> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const input = c.req.valid("json") as ParkingLotRecordInput;
  const limit = await operatorLimit(deps, input.operatorId);
  const id = newId();
  const at = deps.clock().toISOString();
  await runGuarded(
    deps,
    [
      lotsRepo(deps.db).insertStatement(input, limit, at, id),
      auditStatement(deps.db, { actorId: actor.id, action: "parking.lot.create", targetType: "parking_lot", targetId: id, at }),
    ],
    "cannot create",
  );
  return c.json(await lotDetail(deps, id), 201);
};

/** The lot as an admin would write it, from its row (to merge a partial change into). */
function lotInputOf(row: LotRow): ParkingLotRecordInput {
  return {
    name: row.name,
    type: row.type as ParkingLotRecordInput["type"],
    address: row.address,
    district: row.district,
    lat: row.lat,
    lng: row.lng,
    capacity: { total: row.capacityTotal, disabled: row.capacityDisabled, charging: row.capacityCharging, shared: row.capacityShared },
    fees: { text: row.feeText, rate: row.feeRate ? (JSON.parse(row.feeRate) as HourlyRate) : null },
    hours: JSON.parse(row.hours) as OpeningHours,
    sharedHours: row.sharedHours ? (JSON.parse(row.sharedHours) as OpeningHours) : null,
    operatorId: row.operatorId,
    operatorLotId: row.operatorLotId,
    licence: row.licence,
  };
}

export const updateParkingLotHandler: AppRouteHandler<typeof updateParkingLot> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const { active, ...changes } = c.req.valid("json");
  const found = await lotsRepo(deps.db).byId(id);
  if (!found) throw notFound("parking lot");
  const merged = ParkingLotInput.safeParse({ ...lotInputOf(found.lot), ...changes });
  if (!merged.success) {
    const details = merged.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw validationFailed("the change leaves the lot invalid", details);
  }
  const operatorChanged = changes.operatorId !== undefined && changes.operatorId !== found.lot.operatorId;
  const limit = operatorChanged ? await operatorLimit(deps, merged.data.operatorId) : null;
  const at = deps.clock().toISOString();
  await runGuarded(
    deps,
    [
      lotsRepo(deps.db).updateStatement(id, { ...merged.data, ...(active !== undefined ? { active } : {}) }, limit, at),
      auditStatement(deps.db, {
        actorId: actor.id,
        action: "parking.lot.update",
        targetType: "parking_lot",
        targetId: id,
        detail: { changes: { ...changes, ...(active !== undefined ? { active } : {}) } },
        at,
      }),
    ],
    "cannot update",
  );
  return c.json(await lotDetail(deps, id), 200);
};

export const listParkingSourcesHandler: AppRouteHandler<typeof listParkingSources> = async (c) => {
  const { db, clock } = c.get("deps");
  const now = clock();
  const sources: ParkingSource[] = (await operatorsRepo(db).withLotCounts()).map(({ operator: o, lots }) => {
    const limit = freshnessLimitMinutes(o);
    return {
      operatorId: o.id,
      name: o.name,
      kind: o.kind,
      freshnessLimitMinutes: limit,
      state: sourceState({ enabled: o.enabled, lastReportAt: o.lastReportAt, lastErrorAt: o.lastErrorAt, limitMinutes: limit }, now),
      lots,
      lastReportAt: o.lastReportAt,
      lastErrorAt: o.lastErrorAt,
      lastError: o.lastError,
      rowsAccepted: o.rowsAccepted,
      rowsRejected: o.rowsRejected,
      requestsRefused: o.requestsRefused,
    };
  });
  return c.json({ sources }, 200);
};

export const listParkingLotsForAdminHandler: AppRouteHandler<typeof listParkingLotsForAdmin> = async (c) => {
  const { db, clock, config } = c.get("deps");
  const now = clock();
  return c.json({ lots: await lotsRepo(db).forAdmin(cityClock(now, config.cityZone), now) }, 200);
};

export const parkingLotForAdminHandler: AppRouteHandler<typeof parkingLotForAdmin> = async (c) => {
  const { db, clock, config } = c.get("deps");
  const now = clock();
  const [lot] = await lotsRepo(db).forAdmin(cityClock(now, config.cityZone), now, c.req.valid("param").id);
  if (!lot) throw notFound("parking lot");
  return c.json(lot, 200);
};
