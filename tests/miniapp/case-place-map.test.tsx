import { render, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import ModerationReportPage from "../../miniapp/src/packages/moderation/report/index";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, sessionFor, stubApi } from "./fixtures";
import { CASE_ID, categories, staffCase } from "./moderation-fixtures";
import { shimState } from "./shims/taro";

/* The staff case page names the case by its number and shows the exact point on the one map, with its district and street. */
describe("moderation: where the case is", () => {
  it("shows 案件编号 and the point on the map with the district and street it falls in", async () => {
    saveSession(sessionFor(["resident", "moderator"]));
    shimState.routerParams = { id: CASE_ID };
    const detail = { ...staffCase(), caseNumber: "20261201-0042", location: { lat: 31.3152, lng: 120.6288 } };
    stubApi((req) => {
      if (req.path === "/api/v1/report-categories") return ok(categories());
      if (req.path === `/api/v1/moderation/reports/${CASE_ID}`) return ok(detail);
      return apiError(404, "not_found");
    });
    const { container } = render(<ModerationReportPage />);
    await waitFor(() => expect(container.querySelector(".case-id")).not.toBeNull());
    expect(container.querySelector(".case-id")?.textContent).toBe("案件编号 20261201-0042");
    expect(container.querySelector(".case-info .place-map .civic-map")).not.toBeNull();
    expect(container.querySelector(".case-info .place-map__name")?.textContent).toBe("所在区域：姑苏区 · 平江街道");
    // Staff see the map but cannot move the pin from here.
    expect(container.querySelector(".case-info .map-legend")).toBeNull();
  });
});
