import { PhoneNumberResponse } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

/* POST /api/v1/me/phone-number: the weapp phone-number button's code, exchanged through WeChat's getuserphonenumber. */

export function registerPhoneNumberContract(getHarness: GetHarness) {
  describe("phone number from the phone-number button", () => {
    it("answers the number behind a one-time code, not cached, and refuses the same code twice", async () => {
      const h = getHarness();
      const me = await loginAs(h, "phone-resident");
      const code = await h.wechat.controls.issuePhoneCode("13912345678");
      const res = await call(h, "POST", "/api/v1/me/phone-number", { token: me.token, body: { code } });
      expect(res.status).toBe(200);
      expect(PhoneNumberResponse.parse(res.json)).toEqual({ phone: "13912345678", countryCode: "86" });
      expect(res.headers.get("cache-control")).toBe("no-store");

      const again = await call(h, "POST", "/api/v1/me/phone-number", { token: me.token, body: { code } });
      expect(again.status).toBe(422);
      expectEnvelope(again, "validation_failed");
    });

    it("answers 422 for a code WeChat does not know and for a body without one; 401 without sign-in", async () => {
      const h = getHarness();
      const me = await loginAs(h, "phone-resident-2");
      const unknown = await call(h, "POST", "/api/v1/me/phone-number", { token: me.token, body: { code: "made-up-code" } });
      expect(unknown.status).toBe(422);
      expectEnvelope(unknown, "validation_failed");
      const empty = await call(h, "POST", "/api/v1/me/phone-number", { token: me.token, body: { code: "" } });
      expect(empty.status).toBe(422);
      const extra = await call(h, "POST", "/api/v1/me/phone-number", { token: me.token, body: { code: "x", phone: "1" } });
      expect(extra.status).toBe(422);
      const anonymous = await call(h, "POST", "/api/v1/me/phone-number", { body: { code: "x" } });
      expect(anonymous.status).toBe(401);
    });

    it("still answers after WeChat expired the access token (one refresh and retry)", async () => {
      const h = getHarness();
      const me = await loginAs(h, "phone-resident-3");
      await h.wechat.controls.expireTokens();
      const code = await h.wechat.controls.issuePhoneCode("13700000001");
      const res = await call(h, "POST", "/api/v1/me/phone-number", { token: me.token, body: { code } });
      expect(res.status).toBe(200);
      expect(res.json.phone).toBe("13700000001");
    });
  });
}
