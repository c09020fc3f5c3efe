import { expect } from "vitest";
import { createToilets, GUANQIAN, nearbyPath, offset, toilet } from "./fixtures";
import { type ContractHarness, call, loginAs } from "./harness";

/* What the temporary-closure and feedback-loop suites share: two toilets, searches, the inbox. */

export type Summary = { id: string; openNow: string; temporaryClosure: { until: string; reason: string } | null };

// 10:00 on Tuesday 1 December 2026 in Suzhou.
export const TUESDAY_MORNING = "2026-12-01T02:00:00.000Z";

export async function twoToilets(h: ContractHarness, adminToken: string) {
  return createToilets(
    h,
    [toilet({ name: "临顿路公厕", ...GUANQIAN }), toilet({ name: "北局公厕", ...offset(GUANQIAN, 200, 0) })],
    adminToken,
  ) as Promise<[string, string]>;
}

export const nearby = async (h: ContractHarness, extra = "") =>
  (await call(h, "GET", nearbyPath(GUANQIAN, extra))).json.toilets as Summary[];

export async function inboxOf(h: ContractHarness, token: string) {
  await h.wechat.dispatch();
  return (await call(h, "GET", "/api/v1/inbox", { token })).json.messages as {
    title: string;
    body: string;
    subject: { type: string; id: string } | null;
  }[];
}

export async function reportClosed(h: ContractHarness, toiletId: string, openid: string) {
  const resident = await loginAs(h, openid);
  const sent = await call(h, "POST", `/api/v1/toilets/${toiletId}/feedback`, { token: resident.token, body: { kind: "closed" } });
  expect(sent.status).toBe(201);
  return { resident, feedbackId: sent.json.id as string };
}
