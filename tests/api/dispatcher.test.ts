import { inboxMessages, messageGrants, outbox, users } from "@civic/api/db/schema";
import { dispatchOutbox, MAX_ATTEMPTS } from "@civic/api/platform/notifications/dispatcher";
import { type NotificationPayload, notifyStatement } from "@civic/api/platform/notifications/outbox";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { wechatControls } from "../fakes/wechat-controls";
import { createNodeHarness } from "./node-harness";

/** The notification dispatcher on better-sqlite3 against the fake WeChat. */
let wechat: FakeWechat;
let controls: ReturnType<typeof wechatControls>;
beforeAll(async () => {
  wechat = await startFakeWechat();
  controls = wechatControls(wechat.url);
});
afterAll(async () => {
  await wechat.close();
});

const PAYLOAD: NotificationPayload = {
  title: "您的随手拍已立案",
  body: "城管部门已受理您反映的牛皮癣小广告问题，将尽快处理，感谢您的参与",
  page: "pages/reports/detail?id=r1",
  status: "已立案",
  subject: "牛皮癣小广告（电线杆上贴满了小广告）",
};

function setup() {
  const node = createNodeHarness(wechat, { nearbyInMemory: false });
  let now = new Date("2026-11-02T08:05:00Z");
  const deps = { ...node.deps, clock: () => now };
  const templateId = deps.config.notifications.reportTemplateId;
  const setNow = (iso: string) => {
    now = new Date(iso);
  };
  async function user(openid: string, grants?: number) {
    const id = `u-${openid}`;
    await node.db.insert(users).values({ id, openid, createdAt: now.toISOString() });
    if (grants !== undefined)
      await node.db.insert(messageGrants).values({ userId: id, templateId, remaining: grants, updatedAt: now.toISOString() });
    return id;
  }
  async function notify(userId: string, payload = PAYLOAD) {
    await node.atomic([notifyStatement(node.db, { userId, subject: { type: "report", id: "r1" }, payload, now: now.toISOString() })]);
  }
  const grantOf = async (userId: string) =>
    (await node.db.select().from(messageGrants).where(eq(messageGrants.userId, userId)))[0]?.remaining;
  const outboxOf = async (userId: string) => node.db.select().from(outbox).where(eq(outbox.userId, userId));
  const inboxOf = async (userId: string) => node.db.select().from(inboxMessages).where(eq(inboxMessages.userId, userId));
  return { ...node, deps, setNow, user, notify, grantOf, outboxOf, inboxOf, templateId };
}

beforeEach(async () => {
  await controls.reset();
});

describe("dispatchOutbox", () => {
  it("with a grant: sends the subscribe message with the template's fields, fills the inbox, uses the grant", async () => {
    const t = setup();
    const u = await t.user("disp-granted", 1);
    await t.notify(u);
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 1, inboxOnly: 0, failed: 0 });
    const sent = (await controls.messages()).filter((m) => m.touser === "disp-granted");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      touser: "disp-granted",
      template_id: t.templateId,
      page: "pages/reports/detail?id=r1",
      miniprogram_state: "formal",
      lang: "zh_CN",
      data: {
        thing1: { value: "牛皮癣小广告（电线杆上贴满了小广告）" },
        phrase2: { value: "已立案" },
        time3: { value: "2026年11月02日 16:05" },
        thing4: { value: "城管部门已受理您反映的牛皮癣小广告问题…" },
      },
    });
    expect(Array.from(sent[0]?.data.thing4?.value ?? "")).toHaveLength(20);
    expect(await t.grantOf(u)).toBe(0);
    const [row] = await t.outboxOf(u);
    expect(row).toMatchObject({ state: "done", channel: "wechat", attempts: 1, lastError: null });
    const inbox = await t.inboxOf(u);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ title: PAYLOAD.title, body: PAYLOAD.body, subjectType: "report", subjectId: "r1", readAt: null });
    // Done rows are not sent again.
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
  });

  it("without a grant: inbox only; 43101: inbox only and the grant is set to 0", async () => {
    const t = setup();
    const none = await t.user("disp-nogrant");
    const refused = await t.user("disp-43101", 3);
    await t.notify(none);
    await t.notify(refused);
    await controls.setSubscribe("no_quota");
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 0, inboxOnly: 2, failed: 0 });
    expect((await t.outboxOf(none))[0]).toMatchObject({ state: "done", channel: "inbox", lastError: null });
    expect((await t.outboxOf(refused))[0]).toMatchObject({ state: "done", channel: "inbox", lastError: "43101" });
    expect(await t.grantOf(refused)).toBe(0);
    expect(await t.inboxOf(none)).toHaveLength(1);
    expect(await t.inboxOf(refused)).toHaveLength(1);
    expect(await controls.messages()).toEqual([]);
  });

  it("WeChat down: retried later with backoff, the grant given back, the inbox filled once; gives up after the last attempt", async () => {
    const t = setup();
    const u = await t.user("disp-down", 1);
    await t.notify(u);
    await controls.setSubscribe("error");
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 0, inboxOnly: 0, failed: 1 });
    let [row] = await t.outboxOf(u);
    expect(row).toMatchObject({ state: "pending", attempts: 1 });
    expect(row?.lastError).toMatch(/^-1/);
    expect(Date.parse(row?.nextAttemptAt ?? "")).toBeGreaterThan(Date.parse("2026-11-02T08:05:00Z"));
    expect(await t.grantOf(u)).toBe(1);
    expect(await t.inboxOf(u)).toHaveLength(1);
    // Not due yet.
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
    // WeChat is back: the next run after the backoff sends it; the inbox still has it once.
    await controls.setSubscribe("ok");
    t.setNow("2026-11-02T08:06:00Z");
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 1, inboxOnly: 0, failed: 0 });
    [row] = await t.outboxOf(u);
    expect(row).toMatchObject({ state: "done", channel: "wechat", attempts: 2 });
    expect(await t.inboxOf(u)).toHaveLength(1);
    expect(await t.grantOf(u)).toBe(0);

    // A second notification that never gets through ends 'failed' after MAX_ATTEMPTS, inbox filled once.
    const v = await t.user("disp-never", 1);
    await t.notify(v);
    await controls.setSubscribe("error");
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      t.setNow(new Date(Date.parse("2026-11-02T09:00:00Z") + i * 3_600_000).toISOString());
      expect((await dispatchOutbox(t.deps)).failed).toBe(1);
    }
    const [gaveUp] = await t.outboxOf(v);
    expect(gaveUp).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });
    expect(await t.inboxOf(v)).toHaveLength(1);
    expect(await t.grantOf(v)).toBe(1);
    t.setNow("2026-11-03T09:00:00Z");
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
  });

  it("a timeout is retried like any failure", async () => {
    const t = setup();
    const u = await t.user("disp-timeout", 1);
    await t.notify(u);
    await controls.setSubscribe("timeout");
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 0, inboxOnly: 0, failed: 1 });
    expect((await t.outboxOf(u))[0]?.lastError).toMatch(/^timeout/);
    expect(await t.grantOf(u)).toBe(1);
  });

  it("two dispatchers at once send each row exactly once", async () => {
    const t = setup();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const u = await t.user(`disp-race-${i}`, 1);
      ids.push(u);
      await t.notify(u);
    }
    const drain = async () => {
      const total = { sent: 0, inboxOnly: 0, failed: 0 };
      for (;;) {
        const r = await dispatchOutbox(t.deps, { limit: 3 });
        if (r.sent + r.inboxOnly + r.failed === 0) return total;
        total.sent += r.sent;
        total.inboxOnly += r.inboxOnly;
        total.failed += r.failed;
      }
    };
    const [a, b] = await Promise.all([drain(), drain()]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(20);
    expect(a?.sent).toBeGreaterThan(0);
    expect(b?.sent).toBeGreaterThan(0);
    const sent = (await controls.messages()).filter((m) => m.touser.startsWith("disp-race-"));
    expect(sent).toHaveLength(20);
    expect(new Set(sent.map((m) => m.touser)).size).toBe(20);
    for (const u of ids) {
      expect(await t.inboxOf(u)).toHaveLength(1);
      expect((await t.outboxOf(u))[0]).toMatchObject({ state: "done", channel: "wechat", attempts: 1 });
    }
  });

  it("refreshes an expired access token once and carries on", async () => {
    const t = setup();
    const u = await t.user("disp-token", 2);
    await t.notify(u);
    expect((await dispatchOutbox(t.deps)).sent).toBe(1);
    const before = await controls.tokensIssued();
    await controls.expireTokens();
    await t.notify(u);
    expect((await dispatchOutbox(t.deps)).sent).toBe(1);
    expect(await controls.tokensIssued()).toBe(before + 1);
  });

  it("fills the inbox the API reads: newest first, unread count, read only by its owner", async () => {
    const t = setup();
    const login = async (openid: string) =>
      (await (
        await t.harness.request("/api/v1/auth/dev-login", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ openid }),
        })
      ).json()) as { token: string; user: { id: string } };
    const me = await login("inbox-owner");
    const other = await login("inbox-other");
    await t.notify(me.user.id, { ...PAYLOAD, title: "第一条" });
    t.setNow("2026-11-02T09:00:00Z");
    await t.notify(me.user.id, { ...PAYLOAD, title: "第二条" });
    expect(await dispatchOutbox(t.deps)).toEqual({ sent: 0, inboxOnly: 2, failed: 0 });
    const get = async (token: string) =>
      (await (await t.harness.request("/api/v1/inbox", { headers: { authorization: `Bearer ${token}` } })).json()) as {
        messages: { id: string; title: string; readAt: string | null }[];
        unread: number;
      };
    const inbox = await get(me.token);
    expect(inbox.unread).toBe(2);
    expect(inbox.messages.map((m) => m.title)).toEqual(["第二条", "第一条"]);
    expect((await get(other.token)).messages).toEqual([]);
    const id = inbox.messages[0]?.id as string;
    const read = (token: string) =>
      t.harness.request(`/api/v1/inbox/${id}/read`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect((await read(other.token)).status).toBe(404);
    expect((await read(me.token)).status).toBe(204);
    expect((await read(me.token)).status).toBe(204);
    const after = await get(me.token);
    expect(after.unread).toBe(1);
    expect(after.messages[0]?.readAt).toEqual(expect.any(String));
  });
});
