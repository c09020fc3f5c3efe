import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ToiletFinderPage from "../../miniapp/src/pages/toilets/index";
import { GUSU, nearbyBody, ok, stubApi, TOILETS } from "./fixtures";
import Taro from "./shims/taro";

const byClass = (container: HTMLElement, cls: string) => [...container.querySelectorAll<HTMLElement>(`.${cls}`)];
const first = (container: HTMLElement, cls: string) => {
  const el = container.querySelector<HTMLElement>(`.${cls}`);
  if (!el) throw new Error(`no .${cls} on the page`);
  return el;
};

describe("找厕所: the toilet finder page", () => {
  it("asks for nothing until the user chooses: a find button and the district centres", () => {
    const request = vi.spyOn(Taro, "request");
    const location = vi.spyOn(Taro, "getLocation");
    const { container } = render(<ToiletFinderPage />);
    expect(first(container, "find-toilets")).toBeInTheDocument();
    expect(byClass(container, "district-item").map((d) => d.textContent)).toContain("姑苏区");
    expect(request).not.toHaveBeenCalled();
    expect(location).not.toHaveBeenCalled();
  });

  it("lists toilets near a chosen district with distance, open badge, kind and tags", async () => {
    let answer: (value: ReturnType<typeof ok>) => void = () => undefined;
    const sent = stubApi(() => new Promise((resolve) => (answer = resolve)));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    expect(await screen.findByText("加载中…")).toBeInTheDocument();
    expect(byClass(container, "state-loading")).toHaveLength(1);
    answer(ok(nearbyBody(TOILETS)));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(3));

    expect(sent[0]?.path).toBe("/api/v1/toilets/nearby");
    expect(Number(sent[0]?.query.get("lat"))).toBeCloseTo(GUSU.lat, 4);
    expect(Number(sent[0]?.query.get("lng"))).toBeCloseTo(GUSU.lng, 4);
    expect(sent[0]?.query.get("radius")).toBe("1000");

    expect(byClass(container, "toilet-name").map((n) => n.textContent)).toEqual(TOILETS.map((t) => t.name));
    expect(byClass(container, "toilet-distance").map((n) => n.textContent)).toEqual(["72米", "268米", "1.5公里"]);
    expect(byClass(container, "open-badge").map((n) => n.textContent)).toEqual(["营业中", "已关闭", "时间未知"]);
    expect(byClass(container, "toilet-kind").map((n) => n.textContent)).toEqual(["市政公厕", "开放联盟", "景区"]);
    const firstItem = byClass(container, "toilet-item")[0] as HTMLElement;
    expect(byClass(firstItem, "toilet-tag").map((n) => n.textContent)).toEqual(["免费", "无障碍", "第三卫生间"]);
    expect(byClass(container, "tag-baby-care")).toHaveLength(1);
    expect(byClass(container, "tag-fee")).toHaveLength(1);
  });

  it("shows the empty state when nothing matches", async () => {
    stubApi(() => ok(nearbyBody([])));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-wujiang"));
    expect(await screen.findByText(/1公里内没有符合条件的厕所/)).toBeInTheDocument();
    expect(byClass(container, "state-empty")).toHaveLength(1);
    expect(byClass(container, "toilet-item")).toHaveLength(0);
  });

  it("shows the error with a retry that queries again", async () => {
    let calls = 0;
    const sent = stubApi(() => (++calls === 1 ? "network-error" : ok(nearbyBody(TOILETS))));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    expect(await screen.findByText("网络连接失败，请检查网络后重试")).toBeInTheDocument();
    fireEvent.click(first(container, "retry-button"));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(3));
    expect(sent).toHaveLength(2);
  });

  it("re-queries with each filter that is switched on, and with the chosen radius", async () => {
    const sent = stubApi((req) => ok(nearbyBody(req.query.get("accessible") === "true" ? TOILETS.filter((t) => t.accessible) : TOILETS)));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(3));

    fireEvent.click(first(container, "filter-accessible"));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(2));
    expect(sent.at(-1)?.query.get("accessible")).toBe("true");
    expect(sent.at(-1)?.query.has("openNow")).toBe(false);
    expect(first(container, "filter-accessible")).toHaveClass("is-active");

    fireEvent.click(first(container, "filter-open-now"));
    await waitFor(() => expect(sent.at(-1)?.query.get("openNow")).toBe("true"));
    expect(sent.at(-1)?.query.get("accessible")).toBe("true");

    for (const [cls, param] of [
      ["filter-free", "free"],
      ["filter-baby-care", "babyCare"],
      ["filter-third-toilet", "thirdToilet"],
    ] as const) {
      fireEvent.click(first(container, cls));
      await waitFor(() => expect(sent.at(-1)?.query.get(param)).toBe("true"));
    }

    fireEvent.click(first(container, "radius-3000"));
    await waitFor(() => expect(sent.at(-1)?.query.get("radius")).toBe("3000"));
    expect(first(container, "radius-3000")).toHaveClass("is-active");
  });

  it("opens a toilet's detail page from the list", async () => {
    stubApi(() => ok(nearbyBody(TOILETS)));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(3));
    fireEvent.click(byClass(container, "toilet-item")[1] as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: `/pages/toilets/detail?id=${TOILETS[1]?.id}` });
  });

  it("in H5 the map view is our own offline map: nearby toilets share a bubble with their count, a tap zooms in, a marker opens its toilet", async () => {
    stubApi(() => ok(nearbyBody(TOILETS)));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(3));
    fireEvent.click(first(container, "view-map"));

    expect(container.querySelector('[data-taro="Map"]')).toBeNull();
    // the first two toilets are 200 m apart: on the whole-radius view they share one bubble
    expect(byClass(container, "map-cluster").map((c) => c.textContent)).toEqual(["2"]);
    const markers = byClass(container, "map-marker");
    expect(markers.map((m) => m.dataset.id)).toEqual([TOILETS[2]?.id]);
    // numbered as in the list below, coloured by open-now; it lies north of the centre, so above the middle
    const north = markers[0] as HTMLElement;
    expect(north.textContent).toBe("3");
    expect(north.className).toContain("map-marker--amber");
    expect(Number.parseFloat(north.style.top)).toBeLessThan(50);
    expect(first(container, "map-scale").textContent).toMatch(/米|公里/);

    fireEvent.click(first(container, "map-cluster"));
    expect(byClass(container, "map-marker").map((m) => m.dataset.id)).toEqual(expect.arrayContaining([TOILETS[0]?.id, TOILETS[1]?.id]));
    fireEvent.click(container.querySelector(`.map-marker[data-id="${TOILETS[1]?.id}"]`) as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: `/pages/toilets/detail?id=${TOILETS[1]?.id}` });
  });

  it("in the weapp the map view is WeChat's native Map with a marker per toilet", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    stubApi(() => ok(nearbyBody(TOILETS)));
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(3));
    fireEvent.click(first(container, "view-map"));
    expect(container.querySelector('[data-taro="Map"]')).not.toBeNull();
    const markers = byClass(container, "native-marker");
    expect(markers.map((m) => m.textContent)).toEqual(TOILETS.map((t) => t.name));
    fireEvent.click(markers[0] as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: `/pages/toilets/detail?id=${TOILETS[0]?.id}` });
  });

  it("can change the place again", async () => {
    stubApi(() => ok(nearbyBody(TOILETS)));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(first(container, "place-label").textContent).toContain("姑苏区"));
    fireEvent.click(first(container, "change-place"));
    expect(first(container, "find-toilets")).toBeInTheDocument();
  });
});
