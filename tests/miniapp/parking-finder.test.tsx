import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ParkingFinderPage from "../../miniapp/src/packages/parking/finder/index";
import { GUSU, ok, stubApi } from "./fixtures";
import { freshLive, LOTS, parkingBody } from "./parking-fixtures";
import Taro from "./shims/taro";

const byClass = (container: HTMLElement, cls: string) => [...container.querySelectorAll<HTMLElement>(`.${cls}`)];
const first = (container: HTMLElement, cls: string) => {
  const el = container.querySelector<HTMLElement>(`.${cls}`);
  if (!el) throw new Error(`no .${cls} on the page`);
  return el;
};

async function openGusu(answer = () => ok(parkingBody())) {
  const sent = stubApi(answer);
  const view = render(<ParkingFinderPage />);
  fireEvent.click(first(view.container, "district-gusu"));
  await waitFor(() => expect(byClass(view.container, "lot-item").length).toBeGreaterThan(0));
  return { ...view, sent };
}

describe("找停车: the parking finder page", () => {
  it("asks for nothing until the user chooses, and says what the location is for", () => {
    const request = vi.spyOn(Taro, "request");
    const { container } = render(<ParkingFinderPage />);
    expect(first(container, "find-toilets").textContent).toBe("查找我附近的停车场");
    expect(byClass(container, "district-item").map((d) => d.textContent)).toContain("姑苏区");
    expect(request).not.toHaveBeenCalled();
  });

  it("lists lots with name, type, distance and a live line that is fresh or unknown, never a stale number", async () => {
    const { container, sent } = await openGusu();
    expect(sent[0]?.path).toBe("/api/v1/parking/nearby");
    expect(Number(sent[0]?.query.get("lat"))).toBeCloseTo(GUSU.lat, 4);
    expect(sent[0]?.query.get("radius")).toBe("1000");
    expect(byClass(container, "lot-name").map((n) => n.textContent)).toEqual(LOTS.map((l) => l.name));
    expect(byClass(container, "lot-type").map((n) => n.textContent)).toEqual(["地下停车场", "立体车库", "路内泊位", "错时共享停车"]);
    expect(byClass(container, "lot-distance").map((n) => n.textContent)).toEqual(["120米", "2.2公里", "1.9公里", "2.3公里"]);
    const lines = byClass(container, "lot-live").map((n) => n.textContent);
    expect(lines).toEqual(["剩余 23 个 · 3 分钟前", "剩余 4 个 · 12 分钟前", "已满 · 1 分钟前", "余位未知 · 最后上报 2 小时前"]);
    expect(byClass(container, "lot-live")[3]).toHaveClass("is-unknown");
    expect(first(container, "result-count").textContent).toBe("1公里内找到 4 个");
  });

  it("says 余位未知 without an age for a lot that never reported, and 已关闭 for a lot reported closed", async () => {
    const never = {
      ...LOTS[0]!,
      id: "never",
      live: {
        ...freshLive(0, 0),
        free: null,
        total: null,
        status: "unknown" as const,
        observedAt: null,
        fresh: false,
        band: "unknown" as const,
      },
    };
    const closed = { ...LOTS[1]!, id: "closed", live: { ...freshLive(0, 60), status: "closed" as const, band: "full" as const } };
    const { container } = await openGusu(() => ok(parkingBody([never, closed])));
    expect(byClass(container, "lot-live").map((n) => n.textContent)).toEqual(["余位未知", "暂停开放 · 3 分钟前"]);
    expect(byClass(container, "open-badge").map((n) => n.textContent)).toEqual(["营业中", "已关闭"]);
  });

  it("sends each filter and the lot type as the nearby query's params", async () => {
    const { container, sent } = await openGusu();
    for (const [cls, param] of [
      ["filter-open-now", "openNow"],
      ["filter-has-free", "hasFree"],
      ["filter-charging", "charging"],
      ["filter-accessible", "accessible"],
    ] as const) {
      fireEvent.click(first(container, cls));
      await waitFor(() => expect(sent.at(-1)?.query.get(param)).toBe("true"));
      expect(first(container, cls)).toHaveClass("is-active");
    }
    expect(sent.at(-1)?.query.has("type")).toBe(false);
    fireEvent.click(first(container, "type-shared"));
    await waitFor(() => expect(sent.at(-1)?.query.get("type")).toBe("shared"));
    expect(sent.at(-1)?.query.get("hasFree")).toBe("true");
    fireEvent.click(first(container, "type-all"));
    await waitFor(() => expect(sent.at(-1)?.query.has("type")).toBe(false));
    fireEvent.click(first(container, "radius-3000"));
    await waitFor(() => expect(sent.at(-1)?.query.get("radius")).toBe("3000"));
  });

  it("shows the cap as 最近的 N 个 when the answer is full", async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...LOTS[0]!, id: `lot-${i}`, name: `停车场 ${i}` }));
    const { container } = await openGusu(() => ok(parkingBody(many)));
    expect(first(container, "result-count").textContent).toBe("1公里内最近的 30 个");
  });

  it("shows the empty state and the error with a retry", async () => {
    let calls = 0;
    stubApi(() => (++calls === 1 ? "network-error" : ok(parkingBody([]))));
    const { container } = render(<ParkingFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    expect(await screen.findByText("网络连接失败，请检查网络后重试")).toBeInTheDocument();
    fireEvent.click(first(container, "retry-button"));
    expect(await screen.findByText(/1公里内没有符合条件的停车场/)).toBeInTheDocument();
  });

  it("the map's markers are coloured by the API's band: many green, few amber, full red, unknown grey", async () => {
    const { container } = await openGusu();
    fireEvent.click(first(container, "radius-3000"));
    await waitFor(() => expect(first(container, "result-count").textContent).toContain("3公里"));
    fireEvent.click(first(container, "view-map"));
    const colourOf = (id: string) => container.querySelector<HTMLElement>(`.map-marker[data-id="${id}"]`)?.className ?? "";
    expect(colourOf("lot-many")).toContain("map-marker--green");
    expect(colourOf("lot-few")).toContain("map-marker--amber");
    expect(colourOf("lot-full")).toContain("map-marker--red");
    expect(colourOf("lot-stale")).toContain("map-marker--grey");
    expect(first(container, "map-legend").textContent).toContain("灰色：余位未知");
  });

  it("opens a lot's page from the list", async () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    const { container } = await openGusu();
    fireEvent.click(byClass(container, "lot-item")[1] as HTMLElement);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/parking/lot/index?id=lot-few" });
  });
});
