import { WeighIn } from "@civic/shared";
import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import WeighPage from "../../miniapp/src/packages/collector/weigh/index";
import { saveSession } from "../../miniapp/src/services/session";
import { ok, sessionFor, stubApi } from "./fixtures";

/* 扫码称重 (H5: the code is pasted): kg per class → points credited, or the refusal in words. */

const weighIn = WeighIn.parse({
  id: "00000000-0000-4000-8000-000000000001",
  householdLabel: "住户 7QF2",
  where: "doorstep",
  pointName: null,
  lines: [{ class: "paper", kg: 3.5, pointsPerKg: 2, rateVersion: 1, points: 7 }],
  ratedPoints: 7,
  points: 7,
  at: "2026-12-01T02:00:00.000Z",
});

const input = (root: ParentNode, cls: string, value: string) => {
  const el = root.querySelector(`${cls} input, input${cls}, ${cls}`) as HTMLInputElement;
  fireEvent.input(el, { target: { value } });
};

describe("collector: 扫码称重", () => {
  it("sends the pasted code and kg per class with a fresh weigh-in id, and shows the points credited", async () => {
    saveSession(sessionFor(["resident", "collector"]));
    const sent = stubApi((req) =>
      req.method === "POST"
        ? ok(weighIn, 201)
        : ok({ date: "2026-12-01", items: req.method === "GET" && sent.length > 2 ? [weighIn] : [] }),
    );
    const { container } = render(<WeighPage />);
    await waitFor(() => expect(container.textContent).toContain("今天的称重（0）"));
    input(container, ".weigh-code", "civic-pts:1.ref.1999999999.sig");
    input(container, ".weigh-line-paper .weigh-line__kg", "3.5");
    fireEvent.click(container.querySelector(".weigh-submit") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".weigh-result__points")?.textContent).toBe("住户 7QF2 获得 7 积分"));
    const post = sent.find((r) => r.method === "POST");
    expect(post?.path).toBe("/api/v1/points/weigh-ins");
    expect(post?.body).toMatchObject({ code: "civic-pts:1.ref.1999999999.sig", lines: [{ class: "paper", kg: 3.5 }], where: "doorstep" });
    expect((post?.body as { weighInId: string } | undefined)?.weighInId).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(container.querySelectorAll(".weigh-item")).toHaveLength(1));
  });

  it("shows an expired code's refusal in words", async () => {
    saveSession(sessionFor(["resident", "collector"]));
    stubApi((req) =>
      req.method === "POST"
        ? { statusCode: 409, data: { error: { code: "conflict", message: "expired", details: { reason: "code_expired" } } } }
        : ok({ date: "2026-12-01", items: [] }),
    );
    const { container } = render(<WeighPage />);
    await waitFor(() => expect(container.textContent).toContain("今天的称重"));
    input(container, ".weigh-code", "civic-pts:1.old");
    input(container, ".weigh-line-metal .weigh-line__kg", "2");
    fireEvent.click(container.querySelector(".weigh-submit") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".weigh-refusal")?.textContent).toContain("积分码已过期"));
  });

  it("asks for a code and a weight before sending, and refuses non-collectors", async () => {
    saveSession(sessionFor(["resident", "collector"]));
    const sent = stubApi(() => ok({ date: "2026-12-01", items: [] }));
    const { container, unmount } = render(<WeighPage />);
    await waitFor(() => expect(container.textContent).toContain("今天的称重"));
    fireEvent.click(container.querySelector(".weigh-submit") as HTMLElement);
    expect(container.querySelector(".weigh-refusal")?.textContent).toContain("请先扫描");
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
    unmount();
    saveSession(sessionFor(["resident"]));
    const view = render(<WeighPage />);
    expect(view.container.textContent).toContain("仅限回收员");
  });
});
