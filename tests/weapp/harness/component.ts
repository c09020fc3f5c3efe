import { fireWxmlEvent, renderUntil } from "./events";
import { applySetData } from "./set-data";
import type { WxmlElement, WxmlRenderer } from "./wxml";

/*
 * A WeChat custom component instance outside WeChat, for the weapp's custom tab bar: WeChat makes one per
 * tab page and attaches it with the page; Taro's createComponentConfig then mounts the React component and
 * writes through `setData`, which the harness renders with the component's own WXML (e.g. custom-tab-bar/index).
 */

type AnyFn = (...args: unknown[]) => unknown;
type Config = Record<string, unknown>;

export interface ComponentHandle {
  path: string;
  instance: Record<string, unknown> & { data: Record<string, unknown> };
  render(): WxmlElement;
  tap(el: WxmlElement): void;
  waitFor<T>(check: (tree: WxmlElement) => T | undefined | null | false, what: string, timeoutMs?: number): Promise<T>;
  detach(): void;
}

export function attachComponent(config: Config, path: string, wxml: WxmlRenderer, errors: string[]): ComponentHandle {
  const instance = { data: structuredClone((config.data as Record<string, unknown> | undefined) ?? {}) } as ComponentHandle["instance"];
  for (const [name, fn] of Object.entries((config.methods as Record<string, AnyFn> | undefined) ?? {})) instance[name] = fn;
  instance.is = path;
  instance.setData = (patch: Record<string, unknown>, cb?: () => void) => {
    applySetData(instance.data, patch);
    if (typeof cb === "function") setTimeout(cb, 0);
  };
  const lifetime = (name: string) => {
    const lifetimes = config.lifetimes as Record<string, AnyFn> | undefined;
    const fn = lifetimes?.[name] ?? config[name];
    if (typeof fn === "function") (fn as AnyFn).call(instance);
  };
  lifetime("created");
  lifetime("attached");
  const handle: ComponentHandle = {
    path,
    instance,
    render: () => wxml.render(path, instance.data),
    tap: (el) => fireWxmlEvent(instance, `component ${path}`, el, "tap", { x: 1, y: 1 }),
    waitFor: (check, what, timeoutMs) =>
      renderUntil(handle.render, check, `${what} in ${path}`, () => `errors: ${errors.join("\n") || "none"}`, timeoutMs),
    detach: () => lifetime("detached"),
  };
  return handle;
}
