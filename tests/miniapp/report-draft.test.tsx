import { cleanup, render } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import NewReportPage from "../../miniapp/src/packages/reports/new/index";
import { LEAVE_MESSAGE_ZH } from "../../miniapp/src/reports/leaveGuard";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import { $, autoUploads, categoriesBody, detailOfReport, stubChooseMedia, tap, type, waitForSelector } from "./report-fixtures";
import Taro from "./shims/taro";

/*
 * The wizard keeps what the resident entered: in WeChat, leaving asks first (wx.enableAlertBeforeUnload,
 * which the browser cannot reach); the draft is offered back next time; WeChat's place picker names the
 * place and its district and street. The H5 side of the same story is tests/e2e/report-receipt.e2e.test.ts.
 */
function api(req: SentRequest) {
  if (req.path === "/api/v1/report-categories") return ok(categoriesBody);
  if (req.path === "/api/v1/reports/duplicates") return ok({ candidates: [] });
  if (req.method === "POST" && req.path === "/api/v1/reports") return ok(detailOfReport(), 201);
  return apiError(404, "not_found");
}

async function openWizard() {
  saveSession(sessionFor(["resident"]));
  stubApi(api);
  const view = render(<NewReportPage />);
  await waitForSelector(view.container, ".category-item, .draft-resume");
  return view;
}

async function pickPhotoAndPlace(c: HTMLElement) {
  tap(c, '.category-item[data-code="illegal_posters"]');
  stubChooseMedia(["/tmp/a.jpg"]);
  autoUploads();
  tap(c, ".photo-add");
  await waitForSelector(c, ".photo-item--done");
  tap(c, ".wizard-next");
  tap(c, ".pick-on-map");
  await waitForSelector(c, ".place-map__name");
}

describe("随手拍 wizard in WeChat: the draft survives leaving", () => {
  it("WeChat's place picker gives the place's name and address, and the map names its district and street", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    vi.spyOn(Taro, "chooseLocation").mockResolvedValue({
      latitude: 31.3152,
      longitude: 120.6288,
      name: "平江路历史街区",
      address: "苏州市姑苏区平江路",
    });
    const { container } = await openWizard();
    await pickPhotoAndPlace(container);
    expect($(container, ".location-summary__label")?.textContent).toBe("平江路历史街区");
    expect(($(container, ".address-input") as HTMLInputElement).value).toBe("苏州市姑苏区平江路 平江路历史街区");
    expect($(container, ".place-map__name")?.textContent).toBe("所在区域：姑苏区 · 平江街道");
  });

  it("asks before leaving once there is input, keeps the draft, offers it back, and 重新开始 forgets it", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const enable = vi.spyOn(Taro, "enableAlertBeforeUnload");
    const disable = vi.spyOn(Taro, "disableAlertBeforeUnload");
    vi.spyOn(Taro, "chooseLocation").mockResolvedValue({ latitude: 31.3152, longitude: 120.6288, name: "平江路", address: "姑苏区" });
    const first = await openWizard();
    expect(enable).not.toHaveBeenCalled();
    await pickPhotoAndPlace(first.container);
    expect(enable).toHaveBeenCalledWith({ message: LEAVE_MESSAGE_ZH });
    cleanup(); // the resident leaves (WeChat asked, they confirmed)
    expect(disable).toHaveBeenCalled();

    const second = await openWizard();
    await waitForSelector(second.container, ".draft-resume");
    expect($(second.container, ".draft-resume .section-title")?.textContent).toBe("继续上次未提交的上报？");
    tap(second.container, ".draft-resume__continue");
    await waitForSelector(second.container, ".location-step");
    expect($(second.container, ".location-summary__label")?.textContent).toBe("平江路");
    tap(second.container, ".wizard-back");
    expect($(second.container, ".photo-item--done")).not.toBeNull();
    cleanup();

    const third = await openWizard();
    await waitForSelector(third.container, ".draft-resume");
    tap(third.container, ".draft-resume__restart");
    await waitForSelector(third.container, ".category-item");
    cleanup();
    const fourth = await openWizard();
    expect($(fourth.container, ".draft-resume")).toBeNull();
  });

  it("submitting forgets the draft and stops asking", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const disable = vi.spyOn(Taro, "disableAlertBeforeUnload");
    vi.spyOn(Taro, "chooseLocation").mockResolvedValue({ latitude: 31.3152, longitude: 120.6288, name: "平江路", address: "姑苏区" });
    const redirect = vi.spyOn(Taro, "redirectTo");
    const { container } = await openWizard();
    await pickPhotoAndPlace(container);
    tap(container, ".wizard-next");
    type(container, ".description-input", "小广告");
    tap(container, ".wizard-next");
    await waitForSelector(container, ".no-duplicates");
    tap(container, ".report-submit");
    await vi.waitFor(() => expect(redirect).toHaveBeenCalled());
    expect(disable).toHaveBeenCalled();
    cleanup();
    const again = await openWizard();
    expect($(again.container, ".draft-resume")).toBeNull();
  });
});
