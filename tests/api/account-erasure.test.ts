import { reportHistory, reports, uploads, users } from "@civic/api/db/schema";
import { ERASED_USER_ID } from "@civic/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, loginAs } from "../contract/harness";
import { createCategories, fileReport, staffActs, uploadPhoto } from "../contract/report-fixtures";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/* What an account deletion leaves on disk and in the rows, read directly (the contract suites see only HTTP). */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

describe("account deletion on the Node host", () => {
  it("deletes the blobs of unaccepted and unattached photos after the commit, keeps the accepted case's, and erases the identity", async () => {
    const { harness: h, db, deps } = createNodeHarness(wechat, { nearbyInMemory: false });
    await createCategories(h);
    const me = await loginAs(h, "disk-resident");
    const mod = await loginAs(h, "disk-mod", "moderator");
    const pending = await fileReport(h, me.token);
    const accepted = await fileReport(h, me.token);
    await staffActs(h, mod.token, accepted.id, [["accept", {}]]);
    const loose = await uploadPhoto(h, me.token);
    const keyOf = async (id: string) => (await db.select().from(uploads).where(eq(uploads.id, id)))[0]?.blobKey as string;
    const [pendingKey, acceptedKey, looseKey] = await Promise.all([
      keyOf(pending.photos[0].id),
      keyOf(accepted.photos[0].id),
      keyOf(loose),
    ]);
    expect(await deps.blobs.get(pendingKey)).not.toBeNull();

    expect((await call(h, "DELETE", "/api/v1/me", { token: me.token, body: { confirm: "DELETE" } })).status).toBe(200);

    expect(await deps.blobs.get(pendingKey)).toBeNull();
    expect(await deps.blobs.get(looseKey)).toBeNull();
    expect(await deps.blobs.get(acceptedKey)).not.toBeNull();
    const [husk] = await db.select().from(users).where(eq(users.id, me.user.id));
    expect(husk).toMatchObject({ openid: `erased:${me.user.id}`, unionid: null, sessionKey: null, nickname: null });
    expect(husk?.erasedAt).toBeTruthy();
    const rows = await db.select({ reporterId: reports.reporterId }).from(reports);
    expect(rows.every((r) => r.reporterId === ERASED_USER_ID)).toBe(true);
    const acts = await db.select({ actorId: reportHistory.actorId, kind: reportHistory.actorKind }).from(reportHistory);
    expect(acts.filter((a) => a.kind === "resident").every((a) => a.actorId === ERASED_USER_ID)).toBe(true);
    expect((await db.select().from(uploads).where(eq(uploads.id, accepted.photos[0].id)))[0]?.ownerId).toBe(ERASED_USER_ID);
  });

  it("refuses sign-in as the erased-user row: no openid reaches it", async () => {
    const { harness: h, db } = createNodeHarness(wechat, { nearbyInMemory: false });
    const me = await loginAs(h, "tomb-resident");
    await call(h, "DELETE", "/api/v1/me", { token: me.token, body: { confirm: "DELETE" } });
    const [tomb] = await db.select().from(users).where(eq(users.id, ERASED_USER_ID));
    expect(tomb?.openid).toBe(`erased:${ERASED_USER_ID}`);
    // dev-login prefixes `dev:`, and its openid pattern has no colon.
    expect((await call(h, "POST", "/api/v1/auth/dev-login", { body: { openid: `erased:${ERASED_USER_ID}` } })).status).toBe(422);
  });
});
