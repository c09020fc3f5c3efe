import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import CollectorDayPage from "../../miniapp/src/packages/collector/day/index";
import { saveSession } from "../../miniapp/src/services/session";
import { CONTACT, heldJob, routeOf, TODAY, TOMORROW } from "./collector-fixtures";
import { ok, sessionFor, stubApi } from "./fixtures";
import Taro, { shimState } from "./shims/taro";

const el = (root: ParentNode, cls: string) => {
  const found = root.querySelector(cls);
  if (!found) throw new Error(`no ${cls}`);
  return found as HTMLElement;
};

const second = heldJob({
  id: "job-held-2",
  window: "pm",
  status: "arrived",
  contact: {
    ...CONTACT,
    number: "DJ20261202-0009",
    address: "姑苏区平江路 36 号",
    location: { lat: 31.316, lng: 120.63 },
    contactPhone: "13900139000",
  },
});

async function openDay(params: Record<string, string> = {}) {
  saveSession(sessionFor(["resident", "collector"]));
  shimState.routerParams = params;
  const sent = stubApi((req) =>
    ok(routeOf([heldJob({ date: req.query.get("date") ?? TODAY }), { ...second, date: req.query.get("date") ?? TODAY }])),
  );
  const view = render(<CollectorDayPage />);
  await waitFor(() => expect(view.container.querySelectorAll(".route-stop")).toHaveLength(2));
  return { sent, container: view.container };
}

describe("collector: 我的收运路线 (the day)", () => {
  it("lists the stops in route order with legs, address, placement, notes and status, and draws them on the map", async () => {
    const { container, sent } = await openDay({ date: TOMORROW });
    expect(sent[0]?.path).toBe("/api/v1/collector/route");
    expect(sent[0]?.query.get("date")).toBe(TOMORROW);
    // No position granted in this test: the route starts at the first stop, without lat/lng.
    expect(sent[0]?.query.get("lat")).toBeNull();
    const stops = [...container.querySelectorAll(".route-stop")];
    expect(stops.map((s) => el(s, ".route-stop__order").textContent)).toEqual(["1", "2"]);
    expect(el(stops[0] as HTMLElement, ".route-stop__leg").textContent).toBe("距上一站 350 米");
    expect(el(stops[0] as HTMLElement, ".job-contact__address").textContent).toBe(CONTACT.address);
    expect(el(stops[0] as HTMLElement, ".job-contact__placement").textContent).toContain("单元楼下垃圾房旁");
    expect(el(stops[0] as HTMLElement, ".job-contact__notes").textContent).toContain("小区北门进");
    expect(el(stops[1] as HTMLElement, ".job-status").textContent).toBe("回收员已到达");
    expect(el(container, ".route-summary").textContent).toContain("共 2 站，全程约 1.1 公里");
    expect(container.querySelector(".route-map")).not.toBeNull();
    expect(el(container, ".date-tomorrow").classList).toContain("is-active");
  });

  it("sends the phone's position as the start when it is granted", async () => {
    vi.spyOn(Taro, "getLocation").mockResolvedValue({ latitude: 31.3, longitude: 120.6 });
    const { sent } = await openDay();
    expect(Number(sent[0]?.query.get("lat"))).toBeCloseTo(31.3, 1);
    expect(sent[0]?.query.get("lng")).not.toBeNull();
  });

  it("calls the contact with 拨打电话", async () => {
    const call = vi.spyOn(Taro, "makePhoneCall");
    const { container } = await openDay();
    const buttons = container.querySelectorAll(".job-call");
    fireEvent.click(buttons[1] as HTMLElement);
    expect(call).toHaveBeenCalledWith({ phoneNumber: "13900139000" });
  });

  it("switches between today and tomorrow", async () => {
    const { container, sent } = await openDay();
    expect(sent[0]?.query.get("date")).toBe(TODAY);
    fireEvent.click(el(container, ".date-tomorrow"));
    await waitFor(() => expect(sent.at(-1)?.query.get("date")).toBe(TOMORROW));
  });

  it("opens a stop's job page", async () => {
    const nav = vi.spyOn(Taro, "navigateTo");
    const { container } = await openDay({ date: TODAY });
    fireEvent.click(el(container, ".route-stop__open"));
    expect(nav).toHaveBeenCalledWith({ url: `/packages/collector/job/index?id=job-held-1&date=${TODAY}` });
  });

  it("says so when the day has no jobs", async () => {
    saveSession(sessionFor(["resident", "collector"]));
    stubApi(() => ok(routeOf([])));
    const { container } = render(<CollectorDayPage />);
    await waitFor(() => expect(container.querySelector(".state-empty")?.textContent).toContain("这一天还没有您接下的任务"));
  });
});
