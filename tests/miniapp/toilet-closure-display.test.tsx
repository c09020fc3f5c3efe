import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import ToiletDetailPage from "../../miniapp/src/pages/toilets/detail";
import ToiletFinderPage from "../../miniapp/src/pages/toilets/index";
import { detailOf, nearbyBody, ok, stubApi, TOILETS } from "./fixtures";
import { shimState } from "./shims/taro";

/* A toilet an admin closed for a while: the finder's list, map and detail all say 暂停开放 until when, and why. */

const closure = { until: "2026-12-10", reason: "管道维修" };
const [first, second, third] = TOILETS as [(typeof TOILETS)[0], (typeof TOILETS)[0], (typeof TOILETS)[0]];
const withClosure = [{ ...first, openNow: "closed" as const, temporaryClosure: closure }, second, third];
const byClass = (container: HTMLElement, cls: string) => [...container.querySelectorAll<HTMLElement>(`.${cls}`)];

async function listed() {
  stubApi(() => ok(nearbyBody(withClosure)));
  const view = render(<ToiletFinderPage />);
  fireEvent.click(view.container.querySelector(".district-gusu") as HTMLElement);
  await waitFor(() => expect(byClass(view.container, "toilet-item")).toHaveLength(3));
  return view.container;
}

describe("找厕所: a temporarily closed toilet", () => {
  it("the list shows 暂停开放 · 至12月10日 with the reason on that toilet only, and its badge reads closed", async () => {
    const container = await listed();
    const [closedItem, openItem] = byClass(container, "toilet-item") as [HTMLElement, HTMLElement];
    expect(closedItem.querySelector(".closure-badge")?.textContent).toBe("暂停开放 · 至12月10日");
    expect(closedItem.querySelector(".closure-reason")?.textContent).toBe("管道维修");
    expect(closedItem.querySelector(".open-badge")?.textContent).toBe("已关闭");
    expect(openItem.querySelector(".closure-notice")).toBeNull();
  });

  it("on the weapp map its marker is grey and its title says 暂停开放", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const container = await listed();
    fireEvent.click(container.querySelector(".view-map") as HTMLElement);
    const [marker] = byClass(container, "native-marker");
    expect(marker?.textContent).toBe(`${first.name}（暂停开放）`);
    expect(marker?.dataset.icon).toBe("/assets/marker-grey.png");
  });

  it("the detail page shows the closure above the facts", async () => {
    shimState.routerParams = { id: first.id };
    stubApi(() => ok(detailOf({ openNow: "closed", temporaryClosure: closure })));
    const { container } = render(<ToiletDetailPage />);
    await waitFor(() => expect(container.querySelector(".toilet-detail")).not.toBeNull());
    expect(container.querySelector(".toilet-detail .closure-badge")?.textContent).toBe("暂停开放 · 至12月10日");
    expect(container.querySelector(".toilet-detail .closure-reason")?.textContent).toBe("管道维修");
  });

  it("an answer from an API that predates closures still lists every toilet, none closed for a while", async () => {
    const old = TOILETS.map(({ temporaryClosure: _c, ...t }) => t);
    stubApi(() => ok({ ...nearbyBody(TOILETS), toilets: old }));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(container.querySelector(".district-gusu") as HTMLElement);
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(3));
    expect(byClass(container, "closure-notice")).toHaveLength(0);
  });
});
