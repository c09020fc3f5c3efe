import { render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import NightMarketDetailPage from "../../miniapp/src/packages/night-markets/detail/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { detailOf, ZONE_ID } from "./market-fixtures";
import { $, $$, tap, waitForSelector } from "./report-fixtures";
import Taro, { shimState } from "./shims/taro";

/* A zone's page: hours that cross midnight, closed dates with reasons, the rules, call, the map, and the notices. */

const open = (answer: Parameters<typeof stubApi>[0]) => {
  shimState.routerParams = { id: ZONE_ID };
  const sent = stubApi(answer);
  return { ...render(<NightMarketDetailPage />), sent };
};

describe("摊区详情", () => {
  it("shows each weekday's hours, crossing midnight as 次日, the season, closed dates and the rules", async () => {
    const { container } = open(() => ok(detailOf()));
    await waitForSelector(container, ".zone-hours");
    expect($$(container, ".hours-row__time").map((e) => e.textContent)).toEqual([
      "休市",
      "休市",
      "休市",
      "休市",
      "18:00–次日02:00",
      "18:00–次日02:00",
      "17:00–22:00",
    ]);
    expect($(container, ".zone-season .info-row__value")?.textContent).toBe("每年 3月1日 至 11月30日");
    expect($$(container, ".zone-closed-date").map((e) => e.textContent)).toEqual([
      "10月1日（周四） 休市国庆活动",
      "12月5日（周六） 停市暴雨预警",
    ]);
    expect($(container, ".zone-goods-forbidden .info-row__value")?.textContent).toBe("明火烧烤");
    expect($(container, ".zone-register .info-row__value")?.textContent).toBe("需先向管理单位登记");
    expect($(container, ".zone-fees .info-row__value")?.textContent).toBe("每摊每晚 20 元");
    expect($(container, ".zone-stalls .info-row__value")?.textContent).toBe("80 个");
    expect($(container, ".zone-detail__time")?.textContent).toBe("还有 2 小时收摊");
    expect($(container, `polygon[data-id="${ZONE_ID}"]`)).not.toBeNull();
    expect($(container, ".navigate-button")).not.toBeNull();
  });

  it("calls the managing unit when its phone is tapped", async () => {
    const call = vi.spyOn(Taro, "makePhoneCall");
    const { container } = open(() => ok(detailOf()));
    await waitForSelector(container, ".zone-contact");
    tap(container, ".zone-contact");
    expect(call).toHaveBeenCalledWith({ phoneNumber: "0512-65550000" });
  });

  it("asks a signed-out resident to sign in before subscribing", async () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = open(() => ok(detailOf()));
    await waitForSelector(container, ".zone-subscribe-login");
    tap(container, ".zone-subscribe-login");
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringContaining("/pages/login/index") }));
  });

  it("subscribes and unsubscribes a signed-in resident, and shows a failure", async () => {
    saveSession(sessionFor(["resident"]));
    let failNext = false;
    const { container, sent } = open((req) => {
      if (req.method === "GET") return ok(detailOf());
      if (failNext) return apiError(404, "not_found", "gone");
      return ok({ zoneId: ZONE_ID, subscribed: req.method === "POST" });
    });
    await waitForSelector(container, ".zone-subscribe-button");
    tap(container, ".zone-subscribe-button");
    await waitForSelector(container, ".zone-unsubscribe");
    // H5 has no subscribe messages: nothing to hand over
    expect(sent.at(-1)).toMatchObject({ method: "POST", path: `/api/v1/night-markets/${ZONE_ID}/subscription`, body: {} });
    expect($(container, ".zone-subscribe")?.textContent).toContain("您已订阅");
    tap(container, ".zone-unsubscribe");
    await waitForSelector(container, ".zone-subscribe-button");
    expect(sent.at(-1)).toMatchObject({ method: "DELETE", path: `/api/v1/night-markets/${ZONE_ID}/subscription` });
    failNext = true;
    tap(container, ".zone-subscribe-button");
    await waitForSelector(container, ".zone-subscribe-error");
    expect($(container, ".zone-subscribe-button")).not.toBeNull();
  });

  it("in the weapp asks for the market-notice subscribe message inside the tap and hands the accepted template over", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    saveSession(sessionFor(["resident"]));
    const ask = vi.spyOn(Taro, "requestSubscribeMessage");
    const { container, sent } = open((req) => (req.method === "GET" ? ok(detailOf()) : ok({ zoneId: ZONE_ID, subscribed: true })));
    await waitForSelector(container, ".zone-subscribe-button");
    tap(container, ".zone-subscribe-button");
    await waitForSelector(container, ".zone-unsubscribe");
    expect(ask).toHaveBeenCalledWith({ tmplIds: ["civic-market-notice"] });
    expect(sent.at(-1)?.body).toEqual({ subscriptions: ["civic-market-notice"] });
  });

  it("says what is wrong without an id, and shows an error with a retry", async () => {
    shimState.routerParams = {};
    const missing = render(<NightMarketDetailPage />);
    await waitFor(() => expect(missing.container.textContent).toContain("缺少摊区编号"));
    missing.unmount();
    const { container } = open(() => apiError(404, "not_found"));
    await waitForSelector(container, ".state-error");
  });
});
