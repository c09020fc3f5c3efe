import type { ToiletSummary } from "@civic/shared";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import ToiletFinderPage from "../../miniapp/src/pages/toilets/index";
import { nearbyBody, ok, stubApi, TOILETS } from "./fixtures";

/* 找厕所's result line: a count or a cap, and the last results kept under an offline error. */

const byClass = (container: HTMLElement, cls: string) => [...container.querySelectorAll<HTMLElement>(`.${cls}`)];
const first = (container: HTMLElement, cls: string) => container.querySelector(`.${cls}`) as HTMLElement;

/** `n` toilets (the three fixtures, repeated with new ids). */
const many = (n: number): ToiletSummary[] =>
  Array.from({ length: n }, (_, i) => ({ ...(TOILETS[i % TOILETS.length] as ToiletSummary), id: `t-${i}`, distanceM: 10 * i }));

describe("找厕所: what the result line says", () => {
  it("counts the toilets found when fewer than the request's limit came back", async () => {
    stubApi(() => ok(nearbyBody(TOILETS)));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(first(container, "result-count")?.textContent).toBe("1公里内找到 3 个"));
  });

  it("says 最近的 30 个 when the answer is as long as the limit it asked for (a cap, not a count)", async () => {
    const sent = stubApi(() => ok(nearbyBody(many(30))));
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(30));
    expect(sent[0]?.query.get("limit")).toBe("30");
    expect(first(container, "result-count").textContent).toBe("1公里内最近的 30 个");
    fireEvent.click(first(container, "view-map"));
    expect(first(container, "result-count").textContent).toBe("1公里内最近的 30 个");
  });
});

describe("找厕所 offline: a filter change that fails keeps the last results", () => {
  it("shows the error above the results it already had, and a retry that brings the filtered ones", async () => {
    let offline = false;
    stubApi((req) => {
      if (offline) return "network-error";
      return ok(nearbyBody(req.query.get("accessible") === "true" ? TOILETS.filter((t) => t.accessible) : TOILETS));
    });
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(3));

    offline = true;
    fireEvent.click(first(container, "filter-accessible"));
    expect(await screen.findByText(/网络连接失败.*以下是上次的结果/)).toBeInTheDocument();
    expect(byClass(container, "toilet-item")).toHaveLength(3);
    expect(byClass(container, "state-error")).toHaveLength(0);
    // the error comes before the results in the page
    const error = first(container, "stale-error");
    const list = first(container, "toilet-item");
    expect(error.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    offline = false;
    fireEvent.click(first(container, "stale-error").querySelector(".retry-button") as HTMLElement);
    await waitFor(() => expect(byClass(container, "toilet-item")).toHaveLength(2));
    expect(byClass(container, "stale-error")).toHaveLength(0);
  });

  it("with nothing shown yet, an offline search is the page's plain error state", async () => {
    stubApi(() => "network-error");
    const { container } = render(<ToiletFinderPage />);
    fireEvent.click(first(container, "district-gusu"));
    await waitFor(() => expect(byClass(container, "state-error")).toHaveLength(1));
    expect(byClass(container, "stale-error")).toHaveLength(0);
  });
});
