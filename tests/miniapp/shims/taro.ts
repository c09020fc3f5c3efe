import { useEffect, useRef } from "react";

/*
 * Stands in for @tarojs/taro in jsdom (the real one needs a Taro runtime). Every API is a plain method on
 * one object, so tests replace what they need with vi.spyOn(Taro, "request") and friends; the defaults
 * behave like a phone where nothing was granted: no location, no stubbed network.
 */
type Callbacks<R> = { success?: (r: R) => void; fail?: (e: unknown) => void; complete?: () => void };

const storage = new Map<string, unknown>();

export const shimState = {
  routerParams: {} as Record<string, string | undefined>,
  pageStackDepth: 1,
  pullDownRefresh: null as (() => void) | null,
  reachBottom: null as (() => void) | null,
  /** Every mounted onShow handler: tests call `showAgain()` as the page showing again (back to a tab). */
  didShow: new Set<{ current: () => void }>(),
};

const resolved = <T>(value: T) => Promise.resolve(value);

const Taro = {
  request(_options: {
    url: string;
    method?: string;
    header?: Record<string, string>;
    data?: unknown;
  }): Promise<{ statusCode: number; data: unknown }> {
    return Promise.reject({ errMsg: "request:fail no stub in this test" });
  },
  getStorageSync(key: string): unknown {
    return storage.has(key) ? storage.get(key) : "";
  },
  setStorageSync(key: string, value: unknown): void {
    storage.set(key, JSON.parse(JSON.stringify(value)));
  },
  removeStorageSync(key: string): void {
    storage.delete(key);
  },
  /** The page on screen as Taro tells it; tests that care set `router.path`. */
  getCurrentInstance(): { router: { path: string; params: Record<string, string> } | null } {
    return { router: { path: "", params: {} } };
  },
  navigateTo(_options: { url: string }) {
    return resolved({ errMsg: "navigateTo:ok" });
  },
  redirectTo(_options: { url: string }) {
    return resolved({ errMsg: "redirectTo:ok" });
  },
  switchTab(_options: { url: string }) {
    return resolved({ errMsg: "switchTab:ok" });
  },
  reLaunch(_options: { url: string }) {
    return resolved({ errMsg: "reLaunch:ok" });
  },
  navigateBack(_options?: { delta?: number }) {
    return resolved({ errMsg: "navigateBack:ok" });
  },
  getCurrentPages(): unknown[] {
    return Array.from({ length: shimState.pageStackDepth }, (_, i) => ({ route: `page-${i}` }));
  },
  showToast(_options: { title: string; icon?: string }) {
    return resolved({ errMsg: "showToast:ok" });
  },
  showModal(_options: { title?: string; content?: string }) {
    return resolved({ confirm: true, cancel: false, errMsg: "showModal:ok" });
  },
  login() {
    return resolved({ code: "wx-code-from-test", errMsg: "login:ok" });
  },
  getLocation(_options: { type?: string }): Promise<{ latitude: number; longitude: number }> {
    return Promise.reject({ errMsg: "getLocation:fail auth deny" });
  },
  getPrivacySetting(cb: Callbacks<{ needAuthorization: boolean; privacyContractName: string }>) {
    cb.success?.({ needAuthorization: false, privacyContractName: "《城管服务隐私保护指引》" });
  },
  requirePrivacyAuthorize(cb: Callbacks<{ errMsg: string }>) {
    cb.success?.({ errMsg: "requirePrivacyAuthorize:ok" });
  },
  openLocation(_options: { latitude: number; longitude: number; name?: string; address?: string }) {
    return resolved({ errMsg: "openLocation:ok" });
  },
  // The collector's day: 拨打电话.
  makePhoneCall(_options: { phoneNumber: string }) {
    return resolved({ errMsg: "makePhoneCall:ok" });
  },
  // Reports (随手拍): by default the user cancels the pickers and nothing is uploaded; tests stub what they need.
  chooseMedia(_options: {
    count?: number;
    mediaType?: string[];
    sourceType?: string[];
  }): Promise<{ tempFiles: { tempFilePath: string; size?: number }[] }> {
    return Promise.reject({ errMsg: "chooseMedia:fail cancel" });
  },
  // The scanner (weapp only: volunteers, collectors' weigh-ins): by default the user cancels.
  scanCode(_options: { onlyFromCamera?: boolean; scanType?: string[] }): Promise<{ result: string; path?: string }> {
    return Promise.reject({ errMsg: "scanCode:fail cancel" });
  },
  uploadFile(_options: { url: string; filePath: string; name: string; header?: Record<string, string> }): Promise<{
    statusCode: number;
    data: string;
  }> & {
    onProgressUpdate?: (cb: (res: { progress: number }) => void) => void;
  } {
    return Promise.reject({ errMsg: "uploadFile:fail no stub in this test" });
  },
  chooseLocation(_options: {
    latitude?: number;
    longitude?: number;
  }): Promise<{ latitude: number; longitude: number; name: string; address: string }> {
    return Promise.reject({ errMsg: "chooseLocation:fail cancel" });
  },
  enableAlertBeforeUnload(_options: { message: string }): void {},
  disableAlertBeforeUnload(): void {},
  requestSubscribeMessage(options: { tmplIds: string[] }): Promise<Record<string, string>> {
    return resolved({ errMsg: "requestSubscribeMessage:ok", ...Object.fromEntries(options.tmplIds.map((id) => [id, "accept"])) });
  },
  previewImage(_options: { urls: string[]; current?: string }) {
    return resolved({ errMsg: "previewImage:ok" });
  },
  // 隐私与数据: saving an export in the weapp (a file in the user folder, then share or clipboard).
  env: { USER_DATA_PATH: "wxfile://usr" },
  getFileSystemManager() {
    return {
      writeFileSync(_path: string, _data: string, _encoding?: string): void {},
    };
  },
  shareFileMessage(_options: { filePath: string; fileName?: string }) {
    return resolved({ errMsg: "shareFileMessage:ok" });
  },
  setClipboardData(_options: { data: string }) {
    return resolved({ errMsg: "setClipboardData:ok" });
  },
  // Moderation: pull to refresh; tests fire the handler through `shimState.pullDownRefresh`.
  stopPullDownRefresh() {
    return resolved({ errMsg: "stopPullDownRefresh:ok" });
  },
};

export function useRouter() {
  return { params: shimState.routerParams, path: "" };
}

export function useDidShow(callback: () => void) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    shimState.didShow.add(latest);
    latest.current();
    return () => {
      shimState.didShow.delete(latest);
    };
  }, []);
}

/** The page shows again (e.g. the resident comes back to its tab): every mounted onShow handler runs. */
export const showAgain = () => {
  for (const handler of [...shimState.didShow]) handler.current();
};

/** The page's pull-to-refresh handler, kept for tests to fire (`shimState.pullDownRefresh?.()`). */
export function useReachBottom(callback: () => void) {
  shimState.reachBottom = callback;
}

export function usePullDownRefresh(callback: () => void) {
  shimState.pullDownRefresh = callback;
}

export function useLoad(callback: (params: Record<string, string | undefined>) => void) {
  useEffect(() => callback(shimState.routerParams), []);
}

/** Forget stored values and routing between tests (spies are restored by vi.restoreAllMocks). */
export function resetTaroShim() {
  storage.clear();
  shimState.routerParams = {};
  shimState.pageStackDepth = 1;
  shimState.pullDownRefresh = null;
  shimState.reachBottom = null;
  shimState.didShow.clear();
}

export default Taro;
