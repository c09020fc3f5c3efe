import { sortingChecks } from "@civic/api/db/schema";
import { type ContractHarness, call, loginAs } from "./harness";

/* Communities, bin rooms, households and checks for the 星级小区 suites. */

export const SHISHAN = { district: "虎丘区", street: "狮山街道", lat: 31.3, lng: 120.55 };
export const LOUFENG = { district: "苏州工业园区", street: "娄葑街道", lat: 31.3, lng: 120.68 };

export async function createCommunity(h: ContractHarness, adminToken: string, name: string, place = SHISHAN) {
  const res = await call(h, "POST", "/api/v1/admin/communities", { token: adminToken, body: { name, ...place } });
  if (res.status !== 201) throw new Error(`community: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { id: string; version: number };
}

export async function addBinRoom(h: ContractHarness, adminToken: string, communityId: string, name = "1号投放点") {
  const res = await call(h, "POST", `/api/v1/admin/communities/${communityId}/bin-rooms`, { token: adminToken, body: { name } });
  if (res.status !== 201) throw new Error(`bin room: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { id: string; code: string; qrPath: string };
}

/** `n` households registered in the community; returns their account ids. */
export async function registerHouseholds(h: ContractHarness, communityId: string, prefix: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = await loginAs(h, `${prefix}-${i}`);
    const res = await call(h, "PUT", "/api/v1/communities/mine", { token: s.token, body: { communityId } });
    if (res.status !== 200) throw new Error(`register: ${res.status} ${JSON.stringify(res.json)}`);
    ids.push(s.user.id);
  }
  return ids;
}

export interface SortingCheckFixture {
  id: string;
  volunteerId: string;
  binRoomId: string;
  communityId: string;
  accountId: string;
  correct: boolean;
  checkedAt: string;
  /** City month of checkedAt, YYYY-MM. */
  month: string;
}

/** Checks written straight into the database (the month's figures come from them; no award is involved). */
export async function insertSortingChecks(h: ContractHarness, rows: SortingCheckFixture[]) {
  await h.withDeps(async (deps) => {
    // A few rows per statement: D1 binds at most 100 parameters to one.
    for (let i = 0; i < rows.length; i += 8) {
      await deps.db.insert(sortingChecks).values(rows.slice(i, i + 8).map((r) => ({ ...r, receivedAt: r.checkedAt })));
    }
  });
}

let seq = 0;
/** Checks of the given households in `month` (the 10th of the month at 10:00 city time). */
export function checksFor(
  month: string,
  at: { volunteerId: string; binRoomId: string; communityId: string },
  households: { accountId: string; correct: boolean }[],
): SortingCheckFixture[] {
  return households.map((hh) => ({
    id: `0190f0f0-0000-7000-8000-${String(++seq).padStart(12, "0")}`,
    ...at,
    accountId: hh.accountId,
    correct: hh.correct,
    checkedAt: `${month}-10T02:00:00.000Z`,
    month,
  }));
}
