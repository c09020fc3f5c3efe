import { CreateReportRequest } from "@civic/shared";
import { act, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import NewReportPage from "../../miniapp/src/packages/reports/new/index";
import { REPORT_STATUS_TEMPLATE_ID } from "../../miniapp/src/reports/api";
import { saveSession } from "../../miniapp/src/services/session";
import { apiError, ok, type SentRequest, sessionFor, stubApi } from "./fixtures";
import {
  $,
  $$,
  autoUploads,
  categoriesBody,
  detailOfReport,
  duplicatesBody,
  OTHER_REPORT_ID,
  REPORT_ID,
  stubChooseMedia,
  stubUploads,
  tap,
  type,
  uploaded,
  waitForSelector,
} from "./report-fixtures";
import Taro from "./shims/taro";

type Answer = ReturnType<typeof ok> | "network-error";

/** The API as the wizard meets it; `create` answers POST /api/v1/reports. */
function reportsApi(options: { duplicates?: number; create?: (req: SentRequest) => Answer } = {}) {
  return (req: SentRequest): Answer => {
    if (req.path === "/api/v1/report-categories") return ok(categoriesBody);
    if (req.path === "/api/v1/reports/duplicates") return ok(duplicatesBody(options.duplicates ?? 0));
    if (req.method === "POST" && req.path === "/api/v1/reports") return options.create ? options.create(req) : ok(detailOfReport(), 201);
    if (req.method === "POST" && req.path.endsWith("/follow")) return ok({ id: OTHER_REPORT_ID, followers: 4, following: true });
    return apiError(404, "not_found");
  };
}

async function openWizard(api = reportsApi()) {
  saveSession(sessionFor(["resident"]));
  const sent = stubApi(api);
  const view = render(<NewReportPage />);
  await waitForSelector(view.container, ".category-item");
  return { ...view, sent };
}

/** Category, one photo, the 姑苏区 centre with an address, a description: up to the confirm step. */
async function walkToConfirm(c: HTMLElement, category = "illegal_posters") {
  tap(c, `.category-item[data-code="${category}"]`);
  stubChooseMedia(["/tmp/photo-a.jpg"]);
  autoUploads();
  tap(c, ".photo-add");
  await waitForSelector(c, ".photo-item--done");
  tap(c, ".wizard-next");
  tap(c, ".district-gusu");
  type(c, ".address-input", "姑苏区观前街 128 号门口");
  tap(c, ".wizard-next");
  type(c, ".description-input", "  电线杆上贴满了办证小广告  ");
  tap(c, ".wizard-next");
  await waitForSelector(c, ".report-submit");
}

const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === "POST" && r.path === "/api/v1/reports");

describe("随手拍 wizard: choosing the category", () => {
  it("asks a signed-out resident to log in first", async () => {
    stubApi(reportsApi());
    const { container } = render(<NewReportPage />);
    expect($(container, ".state-needs-login")).not.toBeNull();
    expect($(container, ".category-item")).toBeNull();
  });

  it("groups the categories and finds them by name or by the words residents use", async () => {
    const { container } = await openWizard();
    expect($$(container, ".category-group__name").map((g) => g.textContent)).toEqual(["街面秩序", "宣传广告", "公用设施"]);

    type(container, ".category-search", "牛皮癣");
    expect($$(container, ".category-item").map((i) => i.dataset.code)).toEqual(["illegal_posters"]);
    type(container, ".category-search", "路灯");
    expect($$(container, ".category-item").map((i) => i.dataset.code)).toEqual(["street_light"]);
    type(container, ".category-search", "摆摊");
    expect($$(container, ".category-item .category-item__name").map((i) => i.textContent)).toEqual(["占道经营"]);
    type(container, ".category-search", "外星人");
    expect($$(container, ".category-item")).toHaveLength(0);
    expect($(container, ".category-empty")).not.toBeNull();

    type(container, ".category-search", "");
    tap(container, '.category-item[data-code="street_vending"]');
    expect($(container, ".photo-step")).not.toBeNull();
    expect($(container, ".wizard-step.is-current")?.textContent).toContain("现场照片");
  });

  it("shows the error state with a retry when the categories cannot be loaded", async () => {
    saveSession(sessionFor(["resident"]));
    let fail = true;
    stubApi((req) => (fail ? "network-error" : reportsApi()(req)));
    const { container } = render(<NewReportPage />);
    await waitForSelector(container, ".state-error");
    fail = false;
    tap(container, ".retry-button");
    await waitForSelector(container, ".category-item");
  });
});

describe("随手拍 wizard: photos", () => {
  it("uploads each photo at once with the session token, showing its progress, and retries a failed one", async () => {
    const { container } = await openWizard();
    tap(container, '.category-item[data-code="illegal_posters"]');
    stubChooseMedia(["/tmp/a.jpg", "/tmp/b.jpg"]);
    const uploads = stubUploads();
    tap(container, ".photo-add");
    await waitFor(() => expect(uploads).toHaveLength(2));
    expect(uploads[0]).toMatchObject({ filePath: "/tmp/a.jpg", name: "file", url: "/api/v1/uploads" });
    expect(uploads[0]?.header.Authorization).toBe("Bearer token-resident");

    act(() => uploads[0]?.progress(40));
    await waitFor(() => expect($$(container, ".photo-progress")[0]?.textContent).toBe("上传中 40%"));
    tap(container, ".wizard-next");
    expect($(container, ".wizard-problem")?.textContent).toBe("照片还在上传，请稍候");

    await act(async () => uploads[0]?.answer(201, uploaded("u-a")));
    await act(async () => uploads[1]?.answer(413, { error: { code: "payload_too_large", message: "too big" } }));
    const items = $$(container, ".photo-item");
    expect(items.map((i) => i.className)).toEqual(["photo-item photo-item--done", "photo-item photo-item--failed"]);
    expect($(container, ".photo-error")?.textContent).toBe("照片太大（不能超过 10 MB），请换一张");
    tap(container, ".wizard-next");
    expect($(container, ".wizard-problem")?.textContent).toBe("有照片上传失败，请重试或删除");

    tap(container, ".photo-retry");
    await waitFor(() => expect(uploads).toHaveLength(3));
    expect(uploads[2]?.filePath).toBe("/tmp/b.jpg");
    expect($$(container, ".photo-item")[1]?.className).toContain("photo-item--uploading");
    await act(async () => uploads[2]?.fail());
    expect($(container, ".photo-error")?.textContent).toBe("网络连接失败，请检查网络后重试");
    tap(container, ".photo-retry");
    await waitFor(() => expect(uploads).toHaveLength(4));
    await act(async () => uploads[3]?.answer(201, uploaded("u-b")));
    expect($$(container, ".photo-item--done")).toHaveLength(2);

    tap(container, ".photo-remove");
    expect($$(container, ".photo-item")).toHaveLength(1);
    expect($(container, ".photo-count")?.textContent).toBe("已选 1/9 张");
    tap(container, ".wizard-next");
    expect($(container, ".location-step")).not.toBeNull();
  });

  it("does not go on without a photo", async () => {
    const { container } = await openWizard();
    tap(container, '.category-item[data-code="illegal_posters"]');
    tap(container, ".wizard-next");
    expect($(container, ".wizard-problem")?.textContent).toBe("请至少拍一张现场照片");
    expect($(container, ".photo-step")).not.toBeNull();
  });
});

describe("随手拍 wizard: extra fields and description", () => {
  it("checks a street light's required pole number with the shared rules, and sends it as a number", async () => {
    const { container, sent } = await openWizard();
    tap(container, '.category-item[data-code="street_light"]');
    stubChooseMedia(["/tmp/a.jpg"]);
    autoUploads();
    tap(container, ".photo-add");
    await waitForSelector(container, ".photo-item--done");
    tap(container, ".wizard-next");
    tap(container, ".district-gusu");
    tap(container, ".wizard-next");

    tap(container, ".wizard-next");
    expect($(container, ".description-error")?.textContent).toBe("请描述一下问题");
    expect($(container, '.attribute-field[data-code="pole_number"] .field-error')?.textContent).toBe("请填写“灯杆编号”");
    expect($(container, ".details-step")).not.toBeNull();

    type(container, ".description-input", "路灯整晚不亮");
    expect($(container, ".description-count")?.textContent).toBe("6/1000");
    type(container, '.attribute-field[data-code="pole_number"] .attribute-input', "十二");
    tap(container, ".wizard-next");
    expect($(container, '.attribute-field[data-code="pole_number"] .field-error')?.textContent).toBe("“灯杆编号”请填写数字");

    type(container, '.attribute-field[data-code="pole_number"] .attribute-input', "1203");
    tap(container, '.attribute-option[data-key="dark"]');
    tap(container, ".wizard-next");
    await waitForSelector(container, ".no-duplicates");
    tap(container, ".report-submit");
    await waitFor(() => expect(posts(sent)).toHaveLength(1));
    expect(posts(sent)[0]?.body).toMatchObject({ category: "street_light", attributes: { pole_number: 1203, fault: "dark" } });
  });
});

describe("随手拍 wizard: nearby duplicates", () => {
  it("asks for open reports of the same category at the chosen point, and '我也遇到了' ends on that report", async () => {
    const redirect = vi.spyOn(Taro, "redirectTo");
    const { container, sent } = await openWizard(reportsApi({ duplicates: 2 }));
    await walkToConfirm(container);
    const dupQuery = sent.find((r) => r.path === "/api/v1/reports/duplicates")?.query;
    expect(Object.fromEntries(dupQuery ?? [])).toEqual({ category: "illegal_posters", lat: "31.301700", lng: "120.620000" });
    expect($(container, ".duplicates-title")?.textContent).toBe("附近已有相同问题");
    expect($$(container, ".duplicate-item")).toHaveLength(2);
    expect($(container, ".report-submit")?.textContent).toContain("仍要提交");

    tap(container, `.duplicate-item[data-id="${OTHER_REPORT_ID}"] .follow-duplicate`);
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/pages/reports/detail?id=${OTHER_REPORT_ID}` }));
    expect(sent.filter((r) => r.method === "POST").map((r) => r.path)).toEqual([`/api/v1/reports/${OTHER_REPORT_ID}/follow`]);
    expect(posts(sent)).toHaveLength(0);
  });

  it("'仍要提交' files the report anyway and opens its detail", async () => {
    const redirect = vi.spyOn(Taro, "redirectTo");
    const { container, sent } = await openWizard(reportsApi({ duplicates: 1 }));
    await walkToConfirm(container);
    await waitForSelector(container, ".duplicate-item");
    tap(container, ".report-submit");
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/pages/reports/detail?id=${REPORT_ID}&receipt=1` }));
    const body = CreateReportRequest.parse(posts(sent)[0]?.body);
    expect(body).toMatchObject({
      category: "illegal_posters",
      description: "电线杆上贴满了办证小广告",
      photoIds: ["up-photo-a.jpg"],
      location: { lat: 31.3017, lng: 120.62 },
      locationSource: "map",
      address: "姑苏区观前街 128 号门口",
      subscriptions: [],
    });
  });
});

describe("随手拍 wizard: submitting", () => {
  it("in WeChat asks for the status subscription at the submit tap and sends the accepted template with an Idempotency-Key", async () => {
    vi.stubEnv("TARO_ENV", "weapp");
    const subscribe = vi.spyOn(Taro, "requestSubscribeMessage");
    vi.spyOn(Taro, "getLocation").mockResolvedValue({ latitude: 31.3101, longitude: 120.6302 });
    const redirect = vi.spyOn(Taro, "redirectTo");
    const { container, sent } = await openWizard();
    tap(container, '.category-item[data-code="illegal_posters"]');
    stubChooseMedia(["/tmp/a.jpg"]);
    autoUploads();
    tap(container, ".photo-add");
    await waitForSelector(container, ".photo-item--done");
    tap(container, ".wizard-next");
    expect($(container, ".district-gusu")).toBeNull();
    tap(container, ".locate-me");
    await waitForSelector(container, ".location-summary");
    type(container, ".address-input", "人民路 100 号");
    tap(container, ".wizard-next");
    type(container, ".description-input", "垃圾桶满了没人清");
    tap(container, ".wizard-next");
    await waitForSelector(container, ".no-duplicates");

    expect(subscribe).not.toHaveBeenCalled();
    tap(container, ".report-submit");
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: [REPORT_STATUS_TEMPLATE_ID] }));
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/pages/reports/detail?id=${REPORT_ID}&receipt=1` }));
    const post = posts(sent)[0];
    expect(post?.body).toMatchObject({
      subscriptions: ["civic-report-status"],
      location: { lat: 31.3101, lng: 120.6302 },
      locationSource: "gps",
    });
    expect(post?.header["Idempotency-Key"]).toMatch(/^[\w-]{8,64}$/);
  });

  it("keeps the draft after a network failure and retries with the same Idempotency-Key", async () => {
    const redirect = vi.spyOn(Taro, "redirectTo");
    let attempts = 0;
    const { container, sent } = await openWizard(
      reportsApi({ create: () => (++attempts === 1 ? "network-error" : ok(detailOfReport(), 200)) }),
    );
    await walkToConfirm(container);
    tap(container, ".report-submit");
    expect(await screen.findByText(/网络连接失败.*请点击提交重试/)).toBeInTheDocument();
    expect(redirect).not.toHaveBeenCalled();

    tap(container, ".report-submit");
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/pages/reports/detail?id=${REPORT_ID}&receipt=1` }));
    const [first, second] = posts(sent);
    expect(first?.header["Idempotency-Key"]).toBeTruthy();
    expect(second?.header["Idempotency-Key"]).toBe(first?.header["Idempotency-Key"]);
    expect(second?.body).toEqual(first?.body);
  });

  it("a new wizard run uses a new Idempotency-Key", async () => {
    const first = await openWizard();
    await walkToConfirm(first.container);
    tap(first.container, ".report-submit");
    await waitFor(() => expect(posts(first.sent)).toHaveLength(1));
    const key1 = posts(first.sent)[0]?.header["Idempotency-Key"];
    first.unmount();
    const second = await openWizard();
    await walkToConfirm(second.container);
    tap(second.container, ".report-submit");
    await waitFor(() => expect(posts(second.sent)).toHaveLength(1));
    expect(posts(second.sent)[0]?.header["Idempotency-Key"]).not.toBe(key1);
  });

  it("shows the rate limit and the fields a 422 names in Chinese, and stays on the step", async () => {
    let attempt = 0;
    const { container } = await openWizard(
      reportsApi({
        create: () =>
          ++attempt === 1
            ? apiError(429, "rate_limited", "too many reports")
            : {
                statusCode: 422,
                data: {
                  error: {
                    code: "validation_failed",
                    message: "bad",
                    details: [
                      { path: "address", message: "too short" },
                      { path: "photoIds", message: "x" },
                    ],
                  },
                },
              },
      }),
    );
    await walkToConfirm(container);
    tap(container, ".report-submit");
    expect(await screen.findByText("操作太频繁，请稍后再试")).toBeInTheDocument();
    tap(container, ".report-submit");
    expect(await screen.findByText("填写的内容有误，请检查后再提交：地址、照片")).toBeInTheDocument();
    expect($(container, ".confirm-step")).not.toBeNull();
  });

  it("keeps the draft when going back a step", async () => {
    const { container } = await openWizard();
    await walkToConfirm(container);
    tap(container, ".wizard-back");
    expect(($(container, ".description-input") as HTMLTextAreaElement).value).toBe("  电线杆上贴满了办证小广告  ");
    tap(container, ".wizard-back");
    expect(($(container, ".address-input") as HTMLInputElement).value).toBe("姑苏区观前街 128 号门口");
    tap(container, ".wizard-back");
    expect($$(container, ".photo-item--done")).toHaveLength(1);
  });
});
