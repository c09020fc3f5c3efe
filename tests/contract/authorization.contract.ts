import { describe, expect, it } from "vitest";
import { AUTHORIZATION } from "./authorization/index";
import { PICKUP_STREET } from "./authorization/pickups";
import { type Access, CALLERS, type Caller, type Fixture, type Row } from "./authorization/table";
import { addBinRoom, createCommunity } from "./community-fixtures";
import { createToilets, GUANQIAN, toilet } from "./fixtures";
import { type ContractHarness, call, type GetHarness, loginAs } from "./harness";
import { createZone, square, zone } from "./market-fixtures";
import { createLot, createOperator, lot, PARKING_CENTRE } from "./parking-fixtures";
import { bookingBody, createPickupItems, createPickupSlot } from "./pickup-fixtures";
import { createCategories, fileReport } from "./report-fixtures";
import { createReward, grantPoints, redeemCall } from "./reward-fixtures";

/*
 * Who may call what, declared as a table. Every route the OpenAPI document lists must have a row, so a
 * new route without a decision fails this suite. "allowed" means the caller gets past the checks (any
 * status but 401/403/404); otherwise anonymous callers get 401 and signed-in callers without the role 403
 * — or, for an object the caller may not see (`hidden`), 404 for everyone turned away who is signed in
 * (and anonymous too on a route that needs no sign-in).
 * `owner` is the resident who filed the fixture reports and uploaded their photos; `resident` is another.
 * The rows live in ./authorization/, one file per API domain; this file builds the fixture and runs them.
 */

function allowed(access: Access, caller: Caller): boolean {
  if (access === "public") return true;
  if (access === "signed-in") return caller !== "anonymous";
  return access.includes(caller);
}

async function fixture(h: ContractHarness): Promise<Fixture> {
  const [toiletId] = await createToilets(h, [toilet({ name: "权限矩阵公厕", ...GUANQIAN })]);
  const target = await loginAs(h, "matrix-target", "collector");
  const reporter = await loginAs(h, "matrix-reporter");
  const fb = await call(h, "POST", `/api/v1/toilets/${toiletId}/feedback`, { token: reporter.token, body: { kind: "closed" } });
  await createCategories(h);
  const owner = await loginAs(h, "matrix-owner");
  const privateReport = await fileReport(h, owner.token);
  const caseReport = await fileReport(h, owner.token);
  const admin = await loginAs(h, "matrix-key-admin", "admin");
  const key = await call(h, "POST", "/api/v1/admin/open311/keys", { token: admin.token, body: { name: "matrix client" } });
  await createPickupItems(h, admin.token);
  const { slotId: pickupSlotId } = await createPickupSlot(h, admin.token, PICKUP_STREET, 100);
  const pickup = await call(h, "POST", "/api/v1/pickups", {
    token: owner.token,
    body: bookingBody(pickupSlotId, { address: "矩阵路 1 号" }),
  });
  if (pickup.status !== 201) throw new Error(`pickup fixture: ${pickup.status} ${JSON.stringify(pickup.json)}`);
  const reward = await createReward(h, admin.token, { name: "矩阵礼品", stock: 100, activeFrom: "2020-01-01" });
  await grantPoints(h, admin.token, owner.user.id, 100);
  const redemption = await redeemCall(h, owner.token, reward.id);
  if (redemption.status !== 201) throw new Error(`redemption fixture: ${redemption.status} ${JSON.stringify(redemption.json)}`);
  const suggestion = await call(h, "POST", "/api/v1/guide/suggestions", {
    token: owner.token,
    body: { name: "矩阵建议", guessedClass: "unknown" },
  });
  if (suggestion.status !== 201) throw new Error(`guide fixture: ${suggestion.status} ${JSON.stringify(suggestion.json)}`);
  const collector = await loginAs(h, "matrix-collector", "collector");
  await call(h, "PUT", `/api/v1/admin/pickups/collectors/${collector.user.id}/streets`, {
    token: admin.token,
    body: { streets: [PICKUP_STREET] },
  });
  const market = await createZone(h, admin.token, zone({ name: "权限矩阵夜市", area: square(GUANQIAN) }));
  // A few days after the host's clock (the zone was stamped with it): within the year a suspension may be set.
  const soon = new Date(Date.parse((market as unknown as { updatedAt: string }).updatedAt) + 3 * 86_400_000).toISOString().slice(0, 10);
  const suspension = await call(h, "POST", `/api/v1/admin/night-markets/${market.id}/suspensions`, {
    token: admin.token,
    body: { date: soon, reason: "matrix" },
  });
  if (suspension.status !== 201) throw new Error(`market suspension fixture: ${suspension.status} ${JSON.stringify(suspension.json)}`);
  const ownerCode = (await call(h, "GET", "/api/v1/points/me/code", { token: owner.token })).json.code;
  const weighed = await call(h, "POST", "/api/v1/points/weigh-ins", {
    token: target.token,
    body: { weighInId: "00000000-0000-4000-8000-00000000bbbb", code: ownerCode, lines: [{ class: "paper", kg: 90 }], where: "doorstep" },
  });
  if (weighed.status !== 201) throw new Error(`weigh-in fixture: ${weighed.status} ${JSON.stringify(weighed.json)}`);
  const flags = (await call(h, "GET", "/api/v1/admin/points/flags?status=open", { token: admin.token })).json.items;
  const pointsFlag = flags.find((x: { subjectKey: string }) => x.subjectKey === `weigh:${weighed.json.id}`);
  const pointsEntry = (await call(h, "GET", "/api/v1/points/me/history", { token: owner.token })).json.items[0];
  const parking = await createOperator(h, admin.token, { name: "矩阵停车运营" });
  const spare = await call(h, "POST", `/api/v1/admin/parking/operators/${parking.operatorId}/keys`, { token: admin.token });
  const parkingLotId = await createLot(h, admin.token, lot({ name: "矩阵停车场", ...PARKING_CENTRE, operatorId: parking.operatorId }));
  const community = await createCommunity(h, admin.token, "权限矩阵小区");
  const binRoom = await addBinRoom(h, admin.token, community.id);
  const volunteer = await loginAs(h, "matrix-volunteer", "volunteer");
  return {
    marketId: market.id,
    marketSuspensionId: suspension.json.id,
    pointsEntryId: pointsEntry.id,
    pointsFlagId: pointsFlag.id,
    rewardId: reward.id,
    redemptionId: redemption.json.id,
    pickupCode: redemption.json.pickupCode,
    ownerId: owner.user.id,
    parkingOperatorId: parking.operatorId,
    parkingLotId,
    parkingKey: parking.key,
    spareParkingKeyId: spare.json.keyId,
    communityId: community.id,
    binRoomId: binRoom.id,
    volunteerId: volunteer.user.id,
    pickupSlotId,
    pickupId: pickup.json.id,
    guideSuggestionId: suggestion.json.id,
    open311Key: key.json.apiKey,
    toiletId: toiletId as string,
    userId: target.user.id,
    feedbackId: fb.json.id,
    privateReportId: privateReport.id,
    caseReportId: caseReport.id,
    photoId: privateReport.photos[0].id,
  };
}

function expectedFor(row: Row, caller: Caller): "through" | 401 | 403 | 404 {
  if (allowed(row.access, caller)) return "through";
  if (caller === "anonymous") return row.hidden && row.anonymousAllowedIn ? 404 : 401;
  return row.hidden && !row.visibleTo?.includes(caller) ? 404 : 403;
}

const callerToken = async (h: ContractHarness, caller: Caller) => {
  if (caller === "anonymous") return undefined;
  const role = caller === "owner" || caller === "resident" ? undefined : caller;
  return (await loginAs(h, `matrix-${caller}`, role)).token;
};

export function registerAuthorizationContract(getHarness: GetHarness) {
  describe("authorization matrix", () => {
    it("has a row for every route in the OpenAPI document, and no row for a route that is gone", async () => {
      const doc = (await call(getHarness(), "GET", "/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      expect(routes.filter((r) => !(r in AUTHORIZATION))).toEqual([]);
      expect(Object.keys(AUTHORIZATION).filter((r) => !routes.includes(r))).toEqual([]);
    });

    it("lets each caller through exactly where the table says, with 401 for anonymous and 403 for a missing role", async () => {
      const h = getHarness();
      const f = await fixture(h);
      const failures: string[] = [];
      // One session per caller (dev-login is rate limited per address), a fresh one after a logout.
      let tokens = new Map<Caller, string | undefined>();
      for (const [route, row] of Object.entries(AUTHORIZATION)) {
        const method = route.split(" ")[0] as string;
        for (const caller of CALLERS) {
          if (!tokens.has(caller)) tokens.set(caller, await callerToken(h, caller));
          const token = tokens.get(caller);
          const body = row.body ? await row.body(f, h) : undefined;
          const text = body === undefined || typeof body === "string" ? body : JSON.stringify(body);
          const headers = { ...(row.headers ?? {}), ...(row.signed ? await row.signed(f, text ?? "") : {}) };
          const res = await call(h, method, row.path(f), {
            ...(token ? { token } : {}),
            ...(text !== undefined ? { body: text } : {}),
            headers,
          });
          const expected = expectedFor(row, caller);
          const denials = row.hidden ? [401, 403, 404] : [401, 403];
          const got = denials.includes(res.status) ? res.status : "through";
          if (got !== expected) failures.push(`${route} as ${caller}: expected ${expected}, got ${res.status}`);
          if (res.status >= 500) failures.push(`${route} as ${caller}: server error ${res.status}`);
        }
        if (route.includes("/auth/logout")) tokens = new Map();
      }
      expect(failures).toEqual([]);
      // Every route × seven callers, one request each, one after another: hundreds of requests, beyond the
      // default 20 s on a busy D1 or a loaded 2-core machine.
    }, 120_000);
  });
}
