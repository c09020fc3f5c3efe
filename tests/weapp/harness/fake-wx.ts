/*
 * A fake `wx` for running the built mini-program outside WeChat. Every call is recorded; network, location,
 * privacy and login answer what the test configured. APIs the app calls that are not faked here fail loudly
 * (listed in `missing`), so a new dependency on a wx API shows up as a clear test failure.
 */

import { NOOP_LISTENERS, SUCCEEDING_APIS, SYSTEM_INFO, WINDOW_INFO } from "./wx-tables";

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };
type Options = Callbacks & Record<string, unknown>;

export interface WxRequest {
  url: string;
  method: string;
  data: unknown;
  header: Record<string, string>;
}
export interface WxResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}
export type RequestHandler = (req: WxRequest) => WxResponse | undefined;

export interface FakeWxOptions {
  /** Answers wx.request; return undefined for "no route" (a 404 envelope is sent and the url is recorded). */
  onRequest: RequestHandler;
  /** GCJ-02 position wx.getLocation reports. */
  location?: { latitude: number; longitude: number };
  /** Whether WeChat still needs the user's privacy consent (wx.getPrivacySetting). */
  needPrivacyAuthorization?: boolean;
  storage?: Record<string, unknown>;
  /** What the user answers to wx.showModal (default: confirm). */
  modalConfirm?: boolean;
  /** Temp file paths wx.chooseMedia hands back (default: one photo). */
  media?: string[];
  /** What wx.scanCode reads, one per call (default: the user cancels). */
  scans?: { result: string; path?: string }[];
  /** Answers wx.uploadFile (default: 201 with an upload id made from the file name). */
  onUpload?: (filePath: string) => WxResponse;
}

export interface FakeWx {
  wx: Record<string, unknown>;
  calls: { api: string; options: unknown }[];
  requests: WxRequest[];
  unansweredRequests: string[];
  storage: Map<string, unknown>;
  /** wx APIs the app touched that this fake does not provide. */
  missing: Set<string>;
  callsOf(api: string): unknown[];
}

const later = (fn: () => void) => setTimeout(fn, 0);

function answer(opts: Options | undefined, api: string, res: Record<string, unknown> = {}) {
  const result = { errMsg: `${api}:ok`, ...res };
  later(() => {
    opts?.success?.(result);
    opts?.complete?.(result);
  });
}

function refuse(opts: Options | undefined, api: string, message: string) {
  const err = { errMsg: `${api}:fail ${message}` };
  later(() => {
    opts?.fail?.(err);
    opts?.complete?.(err);
  });
}

/* Properties Taro probes on `wx` that are not APIs (absent outside WeChat's cloud/skyline runtimes). */
const NOT_APIS = new Set(["then", "webpackJsonp", "env", "cloud"]);

export function createFakeWx(opts: FakeWxOptions): FakeWx {
  const calls: FakeWx["calls"] = [];
  const requests: WxRequest[] = [];
  const unansweredRequests: string[] = [];
  const storage = new Map<string, unknown>(Object.entries(opts.storage ?? {}));
  const missing = new Set<string>();
  let privacyPending = opts.needPrivacyAuthorization ?? false;
  const location = opts.location ?? { latitude: 31.3017, longitude: 120.62 };
  let loginCodes = 0;

  const record = (api: string, options: unknown) => calls.push({ api, options });
  const api: Record<string, unknown> = {};

  for (const name of SUCCEEDING_APIS) {
    api[name] = (o?: Options) => {
      record(name, o);
      const confirm = opts.modalConfirm ?? true;
      answer(o, name, name === "showModal" ? { confirm, cancel: !confirm } : {});
    };
  }
  for (const name of NOOP_LISTENERS) api[name] = (cb: unknown) => record(name, cb);

  Object.assign(api, {
    request(o: Options) {
      const req: WxRequest = {
        url: String(o.url),
        method: String(o.method ?? "GET").toUpperCase(),
        data: o.data,
        header: (o.header ?? {}) as Record<string, string>,
      };
      record("request", o);
      requests.push(req);
      const res = opts.onRequest(req);
      if (!res) unansweredRequests.push(`${req.method} ${req.url}`);
      const reply = res ?? { statusCode: 404, data: { error: { code: "not_found", message: "no fake route" } } };
      answer(o, "request", {
        statusCode: reply.statusCode,
        data: reply.data,
        header: reply.header ?? { "content-type": "application/json" },
      });
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} };
    },
    login(o: Options) {
      record("login", o);
      loginCodes++;
      answer(o, "login", { code: `fake-code-${loginCodes}` });
    },
    checkSession(o: Options) {
      record("checkSession", o);
      answer(o, "checkSession");
    },
    getPrivacySetting(o: Options) {
      record("getPrivacySetting", o);
      answer(o, "getPrivacySetting", { needAuthorization: privacyPending, privacyContractName: "《城管服务隐私保护指引》" });
    },
    requirePrivacyAuthorize(o: Options) {
      record("requirePrivacyAuthorize", o);
      privacyPending = false;
      answer(o, "requirePrivacyAuthorize");
    },
    getLocation(o: Options) {
      record("getLocation", o);
      if (privacyPending) return refuse(o, "getLocation", "privacy permission is not authorized");
      answer(o, "getLocation", { ...location, speed: 0, accuracy: 30, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30 });
    },
    // Reports (随手拍): photo picking and upload with progress, the map picker, subscribe messages.
    chooseMedia(o: Options) {
      record("chooseMedia", o);
      const paths = opts.media ?? ["wxfile://tmp/photo-1.jpg"];
      answer(o, "chooseMedia", {
        type: "image",
        tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 2048, fileType: "image" })),
      });
    },
    scanCode(o: Options) {
      record("scanCode", o);
      const next = opts.scans?.shift();
      if (next) answer(o, "scanCode", { scanType: "QR_CODE", charSet: "utf-8", ...next });
      else refuse(o, "scanCode", "cancel");
    },
    onNetworkStatusChange(cb: unknown) {
      record("onNetworkStatusChange", cb);
    },
    offNetworkStatusChange(cb: unknown) {
      record("offNetworkStatusChange", cb);
    },
    uploadFile(o: Options) {
      record("uploadFile", o);
      const progress: ((res: unknown) => void)[] = [];
      const filePath = String(o.filePath);
      const reply = opts.onUpload?.(filePath) ?? {
        statusCode: 201,
        data: {
          id: `upload-${filePath.split("/").pop()}`,
          url: "/api/v1/uploads/x/content?exp=1&sig=s",
          contentType: "image/jpeg",
          size: 2048,
        },
      };
      later(() => {
        for (const cb of progress) cb({ progress: 50, totalBytesSent: 1024, totalBytesExpectedToSend: 2048 });
        answer(o, "uploadFile", { statusCode: reply.statusCode, data: JSON.stringify(reply.data) });
      });
      return {
        abort() {},
        onProgressUpdate: (cb: (res: unknown) => void) => progress.push(cb),
        offProgressUpdate() {},
        onHeadersReceived() {},
        offHeadersReceived() {},
      };
    },
    chooseLocation(o: Options) {
      record("chooseLocation", o);
      answer(o, "chooseLocation", { ...location, name: "观前街", address: "江苏省苏州市姑苏区观前街" });
    },
    // Pickups: WeChat's saved addresses (收货地址), which fill the booking wizard's address and phone.
    chooseAddress(o: Options) {
      record("chooseAddress", o);
      answer(o, "chooseAddress", {
        userName: "张三",
        telNumber: "13912345678",
        provinceName: "江苏省",
        cityName: "苏州市",
        countyName: "姑苏区",
        detailInfo: "观前街 1 号 3 栋 101",
        postalCode: "215000",
        nationalCode: "320508",
      });
    },
    // The report wizard asks before leaving with unsaved input (WeChat's own dialog on back).
    enableAlertBeforeUnload(o: Options) {
      record("enableAlertBeforeUnload", o);
    },
    disableAlertBeforeUnload(o: Options = {}) {
      record("disableAlertBeforeUnload", o);
    },
    requestSubscribeMessage(o: Options) {
      record("requestSubscribeMessage", o);
      const ids = (o.tmplIds ?? []) as string[];
      answer(o, "requestSubscribeMessage", Object.fromEntries(ids.map((id) => [id, "accept"])));
    },
    previewImage(o: Options) {
      record("previewImage", o);
      answer(o, "previewImage");
    },
    getFuzzyLocation(o: Options) {
      record("getFuzzyLocation", o);
      answer(o, "getFuzzyLocation", location);
    },
    getSetting(o: Options) {
      record("getSetting", o);
      answer(o, "getSetting", { authSetting: { "scope.userLocation": true } });
    },
    openSetting(o: Options) {
      record("openSetting", o);
      answer(o, "openSetting", { authSetting: { "scope.userLocation": true } });
    },
    getStorageSync: (key: string) => storage.get(key) ?? "",
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage(o: Options) {
      const key = String(o.key);
      if (storage.has(key)) answer(o, "getStorage", { data: storage.get(key) });
      else refuse(o, "getStorage", "data not found");
    },
    setStorage(o: Options) {
      storage.set(String(o.key), o.data);
      answer(o, "setStorage");
    },
    removeStorage(o: Options) {
      storage.delete(String(o.key));
      answer(o, "removeStorage");
    },
    getSystemInfoSync: () => ({ ...SYSTEM_INFO }),
    getSystemInfo: (o: Options) => answer(o, "getSystemInfo", { ...SYSTEM_INFO }),
    getWindowInfo: () => ({ ...WINDOW_INFO }),
    getDeviceInfo: () => ({
      brand: SYSTEM_INFO.brand,
      model: SYSTEM_INFO.model,
      system: SYSTEM_INFO.system,
      platform: SYSTEM_INFO.platform,
    }),
    getAppBaseInfo: () => ({
      SDKVersion: SYSTEM_INFO.SDKVersion,
      language: "zh_CN",
      version: SYSTEM_INFO.version,
      theme: "light",
      fontSizeSetting: 16,
    }),
    getAccountInfoSync: () => ({ miniProgram: { appId: "wx-test", envVersion: "develop", version: "" } }),
    getLaunchOptionsSync: () => ({ path: "pages/index/index", scene: 1001, query: {}, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: "pages/index/index", scene: 1001, query: {}, referrerInfo: {} }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }),
    getNetworkType: (o: Options) => answer(o, "getNetworkType", { networkType: "wifi" }),
    canIUse: () => true,
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    createSelectorQuery: () => {
      const query = {
        in: () => query,
        select: () => node,
        selectAll: () => node,
        selectViewport: () => node,
        exec: (cb?: (res: unknown[]) => void) => later(() => cb?.([])),
      };
      const node = {
        boundingClientRect: () => query,
        scrollOffset: () => query,
        fields: () => query,
        node: () => query,
        context: () => query,
      };
      return query;
    },
    createMapContext: () => ({
      moveToLocation: () => {},
      includePoints: () => {},
      getCenterLocation: (o?: Options) => answer(o, "getCenterLocation", location),
    }),
    getUpdateManager: () => ({ onCheckForUpdate() {}, onUpdateReady() {}, onUpdateFailed() {}, applyUpdate() {} }),
    // 隐私与数据 saves an export as a file in the user folder before sharing it.
    env: { USER_DATA_PATH: "wxfile://usr" },
    getFileSystemManager: () => ({
      writeFileSync: (filePath: string, data: string) => record("writeFileSync", { filePath, data }),
    }),
  });

  const wx = new Proxy(api, {
    get(target, key, receiver) {
      if (typeof key === "string" && !(key in target) && /^[a-z][A-Za-z]*$/.test(key) && !NOT_APIS.has(key)) {
        missing.add(key);
      }
      return Reflect.get(target, key, receiver);
    },
  });

  return {
    wx,
    calls,
    requests,
    unansweredRequests,
    storage,
    missing,
    callsOf: (name) => calls.filter((c) => c.api === name).map((c) => c.options),
  };
}
