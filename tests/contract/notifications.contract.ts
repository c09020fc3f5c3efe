import { beforeEach, describe, expect, it } from "vitest";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

/*
 * The in-app inbox and the dispatcher as seen through the API. Outbox rows come from the report workflow
 * (the reporter hears about an accept), so the loop test files and accepts a report through the routes.
 */
export function registerNotificationsContract(getHarness: GetHarness) {
  describe("notifications: inbox", () => {
    beforeEach(async () => {
      await getHarness().wechat.controls.reset();
    });

    it("a new user's inbox is empty; it needs sign-in; marking someone else's or an unknown message read is 404", async () => {
      const h = getHarness();
      const me = await loginAs(h, "inbox-empty");
      const inbox = await call(h, "GET", "/api/v1/inbox", { token: me.token });
      expect(inbox.status).toBe(200);
      expect(inbox.json).toEqual({ messages: [], unread: 0 });
      const anon = await call(h, "GET", "/api/v1/inbox");
      expect(anon.status).toBe(401);
      expectEnvelope(anon, "unauthorized");
      expect((await call(h, "POST", "/api/v1/inbox/nope/read")).status).toBe(401);
      const missing = await call(h, "POST", "/api/v1/inbox/01930000-0000-7000-8000-000000000000/read", { token: me.token });
      expect(missing.status).toBe(404);
      expectEnvelope(missing, "not_found");
    });

    it("the dispatcher does nothing when nothing is due", async () => {
      const h = getHarness();
      expect(await h.wechat.dispatch()).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
    });
  });
}
