import { fireEvent, render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import VolunteerCheckPage from "../../miniapp/src/packages/volunteer/check/index";
import VolunteerRoomsPage from "../../miniapp/src/packages/volunteer/rooms/index";
import { loadQueue } from "../../miniapp/src/packages/volunteer/store";
import VolunteerTodayPage from "../../miniapp/src/packages/volunteer/today/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { shimState } from "./shims/taro";

const ROOM = { id: "r1", code: "room-a", name: "1号投放点", communityId: "c1", communityName: "桐泾新村", mine: true };
const el = (root: ParentNode, cls: string) => {
  const found = root.querySelector(cls);
  if (!found) throw new Error(`no ${cls}`);
  return found as HTMLElement;
};
const type = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value }, detail: { value } });

describe("volunteer: 我的投放点", () => {
  it("lists my bin rooms and opens one", async () => {
    saveSession(sessionFor(["resident", "volunteer"]));
    const sent = stubApi(() => ok({ rooms: [ROOM] }));
    const view = render(<VolunteerRoomsPage />);
    await waitFor(() => expect(view.container.querySelectorAll(".room-card")).toHaveLength(1));
    expect(sent[0]?.path).toBe("/api/v1/volunteer/bin-rooms");
    expect(el(view.container, ".room-name").textContent).toContain("桐泾新村");
  });

  it("shows the empty state and the role message", async () => {
    saveSession(sessionFor(["resident", "volunteer"]));
    stubApi(() => ok({ rooms: [] }));
    const view = render(<VolunteerRoomsPage />);
    await waitFor(() => expect(view.container.textContent).toContain("还没有分配服务的小区"));
    view.unmount();
    saveSession(sessionFor(["resident"]));
    const other = render(<VolunteerRoomsPage />);
    await waitFor(() => expect(other.container.textContent).toContain("仅限小蜜蜂志愿者"));
  });

  it("shows an error with retry when loading fails", async () => {
    saveSession(sessionFor(["resident", "volunteer"]));
    stubApi(() => apiError(500, "internal"));
    const view = render(<VolunteerRoomsPage />);
    await waitFor(() => expect(view.container.querySelector(".page-error, .error-state, [class*=error]")).not.toBeNull());
  });
});

describe("volunteer: 分类检查", () => {
  it("saves a check to the queue first, syncs it and shows the points", async () => {
    saveSession(sessionFor(["resident", "volunteer"]));
    shimState.routerParams = { room: "room-a" };
    const sent = stubApi((req) => {
      const checks = (req.body as { checks: { id: string }[] }).checks;
      return ok({ results: checks.map((c) => ({ id: c.id, status: "accepted", points: 2, householdLabel: "住户 AB12" })) });
    });
    const view = render(<VolunteerCheckPage />);
    type(el(view.container, ".check-code"), "civic-pts:1.a.1.b");
    fireEvent.click(el(view.container, ".check-correct"));
    await waitFor(() => expect(view.container.textContent).toContain("住户 AB12 正确 +2 分"));
    const batch = sent.find((r) => r.path === "/api/v1/volunteer/checks/batch");
    expect(batch?.body).toMatchObject({ checks: [{ binRoomCode: "room-a", code: "civic-pts:1.a.1.b", correct: true, errors: [] }] });
    expect(loadQueue()[0]?.state).toBe("done");
  });

  it("keeps checks when offline and shows conflicts after sync", async () => {
    saveSession(sessionFor(["resident", "volunteer"]));
    shimState.routerParams = { room: "room-a" };
    let online = false;
    stubApi((req) => {
      if (!online) return "network-error";
      const checks = (req.body as { checks: { id: string }[] }).checks;
      return ok({ results: checks.map((c) => ({ id: c.id, status: "conflict", reason: "code_expired" })) });
    });
    const view = render(<VolunteerCheckPage />);
    type(el(view.container, ".check-code"), "civic-pts:1.a.1.b");
    fireEvent.click(el(view.container, ".check-wrong"));
    fireEvent.click(el(view.container, ".error-chip--bag_in_kitchen"));
    fireEvent.click(el(view.container, ".check-save"));
    await waitFor(() => expect(el(view.container, ".queue-pending").textContent).toContain("待同步 1 条"));
    expect(loadQueue()[0]).toMatchObject({ correct: false, errors: ["bag_in_kitchen"], state: "pending" });
    online = true;
    fireEvent.click(el(view.container, ".queue-sync"));
    await waitFor(() => expect(view.container.textContent).toContain("住户码已过期"));
    fireEvent.click(el(view.container, ".queue-dismiss"));
    await waitFor(() => expect(view.container.querySelector(".queue-item--conflict")).toBeNull());
  });

  it("says so when the room code is missing", async () => {
    saveSession(sessionFor(["resident", "volunteer"]));
    const view = render(<VolunteerCheckPage />);
    await waitFor(() => expect(view.container.textContent).toContain("投放点二维码无效"));
  });
});

describe("volunteer: 今日统计", () => {
  it("shows the tally", async () => {
    saveSession(sessionFor(["resident", "volunteer"]));
    stubApi(() =>
      ok({
        date: "2026-12-01",
        checks: 3,
        correct: 2,
        errors: { bag_in_kitchen: 1 },
        points: 4,
        rooms: [{ binRoomId: "r1", name: "1号投放点", checks: 3, correct: 2 }],
      }),
    );
    const view = render(<VolunteerTodayPage />);
    await waitFor(() => expect(view.container.textContent).toContain("共检查 3 袋，正确 2 袋"));
    expect(view.container.textContent).toContain("厨余未破袋：1 次");
    expect(view.container.textContent).toContain("积分 4 分");
  });

  it("shows the empty state", async () => {
    saveSession(sessionFor(["resident", "volunteer"]));
    stubApi(() => ok({ date: "2026-12-01", checks: 0, correct: 0, errors: {}, points: 0, rooms: [] }));
    const view = render(<VolunteerTodayPage />);
    await waitFor(() => expect(view.container.textContent).toContain("今天还没有已同步的检查记录"));
  });
});
