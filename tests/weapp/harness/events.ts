import { outline, type WxmlElement } from "./wxml";

/*
 * What pages and components share in the harness: firing a WXML event through the handler its template
 * binds (`bindtap="eh"` in Taro), and rendering until a condition holds (React and the fake network are async).
 */

type AnyFn = (...args: unknown[]) => unknown;

export function fireWxmlEvent(
  instance: Record<string, unknown>,
  owner: string,
  el: WxmlElement,
  type: string,
  detail: Record<string, unknown> = {},
): void {
  const attrName = [`bind${type}`, `catch${type}`, `bind:${type}`, `catch:${type}`].find((n) => typeof el.attr[n] === "string");
  if (!attrName) throw new Error(`<${el.tag} class="${String(el.attr.class ?? "")}"> binds no ${type} handler`);
  const handler = String(el.attr[attrName]);
  const dataset: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(el.attr)) {
    if (k.startsWith("data-")) dataset[k.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  }
  const target = { id: String(el.attr.id ?? ""), dataset, offsetLeft: 0, offsetTop: 0 };
  const event = { type, timeStamp: Date.now(), target, currentTarget: target, detail, touches: [], changedTouches: [], mark: {} };
  const fn = instance[handler];
  if (typeof fn !== "function") throw new Error(`${owner} has no method "${handler}" for ${attrName}`);
  (fn as AnyFn).call(instance, event);
}

export async function renderUntil<T>(
  render: () => WxmlElement,
  check: (tree: WxmlElement) => T | undefined | null | false,
  what: string,
  context: () => string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = render();
    const result = check(last);
    if (result) return result as NonNullable<typeof result>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nrendered:\n${outline(last)}\n${context()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
