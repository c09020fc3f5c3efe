import { addCityDays, cityClock } from "@civic/shared";
import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import ToiletFeedbackAdminPage from "../../miniapp/src/packages/admin/toilet-feedback/index";
import { saveSession } from "../../miniapp/src/services/session";
import { detailOf, feedbackItem, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";

/* From a feedback card the admin closes the toilet for a while, fixes it, or deactivates it, with a reply. */

const today = () => cityClock(new Date()).date;

async function openCard() {
  saveSession(sessionFor(["resident", "admin"]));
  const sent: SentRequest[] = stubApi((req) => {
    if (req.method === "POST") return ok(feedbackItem({ status: "resolved", resolutionNote: "ok" }));
    if (req.path.startsWith("/api/v1/toilets/")) return ok(detailOf({ accessible: false, babyCare: false }));
    return ok({ feedback: [feedbackItem()] });
  });
  const view = render(<ToiletFeedbackAdminPage />);
  await waitFor(() => expect(view.container.querySelectorAll(".feedback-item")).toHaveLength(1));
  const card = view.container.querySelector(".feedback-item") as HTMLElement;
  const q = (cls: string) => card.querySelector(`.${cls}`) as HTMLElement;
  const type = (cls: string, value: string) => fireEvent.change(q(cls), { target: { value } });
  const posted = async () => {
    await waitFor(() => expect(view.container.querySelectorAll(".feedback-item")).toHaveLength(0));
    return sent.find((r) => r.method === "POST");
  };
  return { card, q, type, posted, sent };
}

describe("admin: handling toilet feedback with a change to the toilet", () => {
  it("marks the toilet closed until a picked day with a reason and a reply, in one request", async () => {
    const { q, type, posted } = await openCard();
    fireEvent.click(q("resolve-choice-temporary_closure"));
    expect(q("closure-until").textContent).toContain("暂停开放至");
    const until = addCityDays(today(), 9);
    type("picker-value", until);
    type("closure-reason-input", "装修");
    type("resolve-note", "现场核实在装修");
    type("resolve-reply", "装修期间请去北局公厕");
    expect(q("resolve-button").textContent).toBe("暂停开放并标记已处理");
    fireEvent.click(q("resolve-button"));
    expect((await posted())?.body).toEqual({
      outcome: "现场核实在装修",
      replyToResident: "装修期间请去北局公厕",
      action: { type: "temporary_closure", until, reason: "装修" },
    });
  });

  it("a quick choice of 7 days ends the closure on the 7th day, today included", async () => {
    const { q, type, posted } = await openCard();
    fireEvent.click(q("resolve-choice-temporary_closure"));
    fireEvent.click(q("closure-days-7"));
    type("closure-reason-input", "停水");
    type("resolve-note", "已核实");
    fireEvent.click(q("resolve-button"));
    expect((await posted())?.body).toMatchObject({ action: { until: addCityDays(today(), 6) } });
  });

  it("a closure without a reason is named before anything is sent", async () => {
    const { q, type, sent } = await openCard();
    fireEvent.click(q("resolve-choice-temporary_closure"));
    type("resolve-note", "已核实");
    fireEvent.click(q("resolve-button"));
    expect(q("form-error").textContent).toBe("请填写暂停开放的原因");
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("fixes the hours to one daily interval and switches on a facility, sending only what changed", async () => {
    const { q, type, posted, sent } = await openCard();
    fireEvent.click(q("resolve-choice-update"));
    await waitFor(() => expect(q("update-current")).not.toBeNull());
    expect(sent.some((r) => r.path === "/api/v1/toilets/t-1")).toBe(true);
    fireEvent.click(q("hours-mode-daily"));
    type("hours-open", "07:00");
    type("hours-close", "21:30");
    fireEvent.click(q("facility-toggle-accessible"));
    type("resolve-note", "开放时间已核实");
    fireEvent.click(q("resolve-button"));
    const body = (await posted())?.body as { action: { type: string; patch: Record<string, unknown> } };
    expect(body.action.type).toBe("update");
    expect(body.action.patch).toEqual({
      accessible: true,
      hours: { kind: "weekly", days: Array.from({ length: 7 }, () => [{ open: "07:00", close: "21:30" }]) },
    });
  });

  it("a badly written time is named instead of sent", async () => {
    const { q, type, sent } = await openCard();
    fireEvent.click(q("resolve-choice-update"));
    await waitFor(() => expect(q("update-current")).not.toBeNull());
    fireEvent.click(q("hours-mode-daily"));
    type("hours-open", "7点");
    type("resolve-note", "x");
    fireEvent.click(q("resolve-button"));
    expect(q("form-error").textContent).toContain("HH:MM");
    expect(sent.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("deactivates the toilet, warning that it leaves the finder", async () => {
    const { q, type, posted } = await openCard();
    fireEvent.click(q("resolve-choice-deactivate"));
    expect(q("deactivate-warning").textContent).toContain("不再显示");
    type("resolve-note", "已拆除");
    fireEvent.click(q("resolve-button"));
    expect((await posted())?.body).toEqual({ outcome: "已拆除", action: { type: "deactivate" } });
  });
});
