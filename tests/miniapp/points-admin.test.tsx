import { DEFAULT_POINTS_CAPS, DEFAULT_POINTS_RATES, POINTS_CLASSES, PointsFlag, PointsRateTable } from "@civic/shared";
import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import PointsCapsPage from "../../miniapp/src/packages/points-admin/caps/index";
import PointsFlagsPage from "../../miniapp/src/packages/points-admin/flags/index";
import PointsRatesPage from "../../miniapp/src/packages/points-admin/rates/index";
import { saveSession } from "../../miniapp/src/services/session";
import { ok, sessionFor, stubApi } from "./fixtures";
import Taro from "./shims/taro";

/* The bureau's points pages: rates (a new version), caps, flags (review, reverse). */

const table = (version: number) =>
  PointsRateTable.parse({
    version,
    effectiveAt: "2026-11-01T00:00:00.000Z",
    setBy: null,
    rates: POINTS_CLASSES.map((c) => ({ class: c, pointsPerKg: DEFAULT_POINTS_RATES[c] })),
    history: [],
  });

const flag = PointsFlag.parse({
  id: "f-1",
  kind: "weight_above_usual",
  subjectKey: "weigh:w-1",
  householdLabel: "住户 7QF2",
  accountId: "acc-1",
  actorId: "col-1",
  entryId: "e-1",
  detail: { lines: [{ class: "paper", kg: 80 }] },
  status: "open",
  at: "2026-11-30T02:00:00.000Z",
  reviewedAt: null,
  reviewNote: null,
});

const input = (el: Element, value: string) => fireEvent.input(el.querySelector("input") ?? el, { target: { value } });

describe("积分费率", () => {
  it("saves every class as a new version", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => ok(req.method === "PUT" ? table(2) : table(1)));
    const { container } = render(<PointsRatesPage />);
    await waitFor(() => expect(container.querySelectorAll(".rate-input")).toHaveLength(POINTS_CLASSES.length));
    input(container.querySelector(".rate-paper .rate-input") as Element, "5");
    fireEvent.click(container.querySelector(".rates-save") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".rates-message")?.textContent).toBe("已保存为第 2 版"));
    const put = sent.find((r) => r.method === "PUT");
    expect((put?.body as { rates: { class: string; pointsPerKg: number }[] } | undefined)?.rates).toContainEqual({
      class: "paper",
      pointsPerKg: 5,
    });
  });

  it("refuses non-admins", () => {
    saveSession(sessionFor(["resident", "moderator"]));
    const { container } = render(<PointsRatesPage />);
    expect(container.textContent).toContain("仅限系统管理员");
  });
});

describe("积分上限", () => {
  it("shows each kind's caps and saves them (blank = none)", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const caps = Object.values(DEFAULT_POINTS_CAPS);
    const sent = stubApi((req) => ok({ caps: req.method === "PUT" ? (req.body as { caps: unknown[] }).caps : caps }));
    const { container } = render(<PointsCapsPage />);
    await waitFor(() => expect(container.querySelectorAll(".cap-input")).toHaveLength(8));
    input(container.querySelector(".cap-weigh_in .cap-perAccountDay") as Element, "300");
    input(container.querySelector(".cap-quiz .cap-perAccountDay") as Element, "");
    fireEvent.click(container.querySelector(".caps-save") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".caps-message")?.textContent).toBe("已保存"));
    const body = sent.find((r) => r.method === "PUT")?.body as { caps: { kind: string; perAccountDay: number | null }[] };
    expect(body.caps.find((c) => c.kind === "weigh_in")?.perAccountDay).toBe(300);
    expect(body.caps.find((c) => c.kind === "quiz")?.perAccountDay).toBeNull();
  });
});

describe("积分异常", () => {
  it("lists open flags by household label, dismisses one and reverses an entry, explaining a refusal", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    const sent = stubApi((req) => {
      if (req.path.endsWith("/review")) return ok({ ...flag, status: "dismissed" });
      if (req.path.endsWith("/reverse"))
        return { statusCode: 409, data: { error: { code: "conflict", message: "spent", details: { reason: "points_spent" } } } };
      return ok({ items: [flag] });
    });
    vi.spyOn(Taro, "showModal").mockResolvedValue({ confirm: true, cancel: false, errMsg: "showModal:ok" });
    const { container } = render(<PointsFlagsPage />);
    await waitFor(() => expect(container.querySelectorAll(".points-flag")).toHaveLength(1));
    expect(container.textContent).toContain("住户 7QF2");
    expect(container.textContent).toContain("称重明显高于平常");
    fireEvent.click(container.querySelector(".flag-reverse") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".flags-message")?.textContent).toContain("积分已被使用"));
    fireEvent.click(container.querySelector(".flag-dismiss") as HTMLElement);
    await waitFor(() => expect(container.querySelector(".flags-message")?.textContent).toBe("已排除"));
    expect(sent.find((r) => r.path.endsWith("/review"))?.body).toEqual({ decision: "dismiss" });
  });

  it("says when there are none", async () => {
    saveSession(sessionFor(["resident", "admin"]));
    stubApi(() => ok({ items: [] }));
    const { container } = render(<PointsFlagsPage />);
    await waitFor(() => expect(container.textContent).toContain("没有这类异常"));
  });
});
