import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import vm from "node:vm";
import { attachComponent, type ComponentHandle } from "./component";
import { fireWxmlEvent, renderUntil } from "./events";
import { createFakeWx, type FakeWx, type FakeWxOptions } from "./fake-wx";
import { applySetData } from "./set-data";
import { compileWxml, type WxmlElement, type WxmlRenderer } from "./wxml";

/*
 * Runs a built Taro weapp outside WeChat: the app's js files are CommonJS-style modules evaluated in one vm
 * context that has a fake `wx`, `App`, `Page`, `Component`, `getApp` and `getCurrentPages`. Pages get
 * WeChat-like instances whose `setData` writes into `data`, which is then rendered by WeChat's WXML compiler.
 */

type AnyFn = (...args: unknown[]) => unknown;
type Config = Record<string, unknown>;
export type PageInstance = Record<string, unknown> & { data: Record<string, unknown>; route: string };

export interface PageHandle {
  route: string;
  instance: PageInstance;
  setDataCount(): number;
  /** The page rendered by wcc from its current data. */
  render(): WxmlElement;
  /** Fires a WXML event on a rendered element through the handler its template binds (`bindtap="eh"` in Taro). */
  trigger(el: WxmlElement, type: string, detail?: Record<string, unknown>): void;
  tap(el: WxmlElement): void;
  /** Renders until `check` returns something truthy (React updates and fake network answers are async). */
  waitFor<T>(check: (tree: WxmlElement) => T | undefined | null | false, what: string, timeoutMs?: number): Promise<T>;
  /** A tab page's custom tab bar (app.json `tabBar.custom`), attached with the page as WeChat does; else null. */
  tabBar: ComponentHandle | null;
  show(): void;
  hide(): void;
  unload(): void;
}

export interface MiniProgram {
  distDir: string;
  fake: FakeWx;
  appConfigJson: Record<string, unknown>;
  app: Config;
  openPage(route: string, query?: Record<string, string>): Promise<PageHandle>;
  /** Opens the page a navigateTo/redirectTo url names ("/pages/toilets/detail?id=..."), as WeChat would. */
  openUrl(url: string): Promise<PageHandle>;
  /** Errors Taro/React reported through console.error or the app's onError while running. */
  errors: string[];
  /** Loads a page's js (and its chunks) without opening it; returns the registered Page config. */
  loadPage(route: string): Config;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export async function bootMiniProgram(distDir: string, wxOptions: FakeWxOptions, renderer?: WxmlRenderer): Promise<MiniProgram> {
  const fake = createFakeWx(wxOptions);
  const wxml = renderer ?? compileWxml(distDir);
  const appConfigJson = JSON.parse(readFileSync(join(distDir, "app.json"), "utf8")) as Record<string, unknown>;
  const errors: string[] = [];
  const registrations = new Map<string, { kind: "page" | "component"; config: Config }>();
  const stack: PageInstance[] = [];
  let appConfig: Config | null = null;
  let loading: string | null = null;

  const consoleProxy = {
    ...console,
    error: (...args: unknown[]) => {
      errors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
      if (process.env.WEAPP_DEBUG) console.error(...args);
    },
    warn: (...args: unknown[]) => {
      if (process.env.WEAPP_DEBUG) console.warn(...args);
    },
    log: (...args: unknown[]) => {
      if (process.env.WEAPP_DEBUG) console.log(...args);
    },
    info: () => {},
    debug: () => {},
  };

  const sandbox: Record<string, unknown> = {
    console: consoleProxy,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    wx: fake.wx,
    __wxConfig: { envVersion: "develop", platform: "devtools", pages: appConfigJson.pages, global: { window: {} } },
    App: (config: Config) => {
      appConfig = config;
    },
    Page: (config: Config) => {
      if (!loading) throw new Error("Page() called outside a page module");
      registrations.set(loading, { kind: "page", config });
    },
    Component: (config: Config) => {
      if (!loading) throw new Error("Component() called outside a module");
      registrations.set(loading, { kind: "component", config });
    },
    Behavior: (config: Config) => config,
    getApp: () => appConfig,
    getCurrentPages: () => [...stack],
    requirePlugin: () => ({}),
  };
  const context = vm.createContext(sandbox);

  const cache = new Map<string, { exports: unknown }>();
  const resolveModule = (from: string, spec: string) => {
    const base = spec.startsWith("/") ? join(distDir, spec) : resolve(from, spec);
    for (const candidate of [base, `${base}.js`, join(base, "index.js")]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    throw new Error(`cannot resolve "${spec}" from ${relative(distDir, from) || "."}`);
  };
  const load = (file: string): unknown => {
    const cached = cache.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    cache.set(file, module);
    const code = readFileSync(file, "utf8");
    const fn = vm.runInContext(`(function (require, module, exports, __filename, __dirname) {${code}\n})`, context, {
      filename: file,
    }) as AnyFn;
    const outer = loading;
    const rel = relative(distDir, file).replace(/\.js$/, "");
    loading = rel;
    try {
      fn((spec: unknown) => load(resolveModule(dirname(file), String(spec))), module, module.exports, file, dirname(file));
    } finally {
      loading = outer;
    }
    return module.exports;
  };

  load(join(distDir, "app.js"));
  if (!appConfig) throw new Error("app.js did not call App()");
  const app = appConfig as Config;
  const launch = { path: "pages/index/index", scene: 1001, query: {}, referrerInfo: {} };
  (app.onLaunch as AnyFn | undefined)?.call(app, launch);
  (app.onShow as AnyFn | undefined)?.call(app, launch);
  await tick();

  const loadRegistered = (route: string, kind: "page" | "component"): Config => {
    const file = join(distDir, `${route}.js`);
    if (!existsSync(file)) throw new Error(`${kind} ${route} is not in the build`);
    load(file);
    const reg = registrations.get(route);
    if (!reg) throw new Error(`${route}.js registered no Page/Component`);
    if (reg.kind !== kind) throw new Error(`${route} registered a ${reg.kind}; expected a ${kind}`);
    return reg.config;
  };
  const loadPage = (route: string): Config => loadRegistered(route, "page");

  /* WeChat gives each tab page its own instance of the custom tab bar. */
  const tabBarConfig = appConfigJson.tabBar as { custom?: boolean; list?: { pagePath: string }[] } | undefined;
  const attachTabBar = (route: string): ComponentHandle | null => {
    if (!tabBarConfig?.custom || !tabBarConfig.list?.some((t) => t.pagePath === route)) return null;
    return attachComponent(loadRegistered("custom-tab-bar/index", "component"), "custom-tab-bar/index", wxml, errors);
  };

  const openPage = async (route: string, query: Record<string, string> = {}): Promise<PageHandle> => {
    const config = loadPage(route);
    const instance = {} as PageInstance;
    for (const [key, value] of Object.entries(config)) {
      instance[key] = key === "data" ? structuredClone(value) : value;
    }
    instance.data = (instance.data as Record<string, unknown> | undefined) ?? {};
    instance.route = route;
    instance.__route__ = route;
    instance.options = query;
    instance.__wxWebviewId__ = stack.length + 1;
    let setDataCount = 0;
    instance.setData = (patch: Record<string, unknown>, cb?: () => void) => {
      setDataCount++;
      applySetData(instance.data, patch);
      if (typeof cb === "function") setTimeout(cb, 0);
    };
    instance.selectComponent = () => null;
    instance.selectAllComponents = () => [];
    instance.createSelectorQuery = (fake.wx.createSelectorQuery as AnyFn).bind(null);
    instance.getOpenerEventChannel = () => ({ on() {}, off() {}, once() {}, emit() {} });
    const call = (name: string, ...args: unknown[]) => {
      const fn = instance[name];
      if (typeof fn === "function") return (fn as AnyFn).apply(instance, args);
    };
    stack.push(instance);
    const tabBar = attachTabBar(route);
    instance.getTabBar = () => tabBar?.instance ?? null;
    call("onLoad", { ...query });
    call("onShow");
    await tick();
    call("onReady");
    await tick();

    const handle: PageHandle = {
      route,
      instance,
      setDataCount: () => setDataCount,
      render: () => wxml.render(route, instance.data),
      trigger: (el, type, detail = {}) => fireWxmlEvent(instance, `page ${route}`, el, type, detail),
      tap(el) {
        handle.trigger(el, "tap", { x: 1, y: 1 });
      },
      waitFor: (check, what, timeoutMs) =>
        renderUntil(
          handle.render,
          check,
          `${what} on ${route}`,
          () =>
            `errors: ${errors.join("\n") || "none"}\nrequests: ${fake.requests.map((r) => `${r.method} ${r.url}`).join(", ") || "none"}`,
          timeoutMs,
        ),
      tabBar,
      show: () => void call("onShow"),
      hide: () => void call("onHide"),
      unload() {
        call("onUnload");
        tabBar?.detach();
        const i = stack.indexOf(instance);
        if (i >= 0) stack.splice(i, 1);
      },
    };
    return handle;
  };

  const openUrl = (url: string) => {
    const [path = "", search = ""] = url.split("?");
    const query: Record<string, string> = {};
    // WeChat hands query values to onLoad as written in the url (not decoded).
    for (const pair of search.split("&").filter(Boolean)) {
      const [k = "", v = ""] = pair.split("=");
      query[k] = v;
    }
    return openPage(path.replace(/^\/+/, ""), query);
  };

  return { distDir, fake, appConfigJson, app, openPage, openUrl, errors, loadPage };
}
