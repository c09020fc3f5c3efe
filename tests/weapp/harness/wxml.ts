import { createRequire } from "node:module";
import vm from "node:vm";

/*
 * Renders built WXML with WeChat's own compiler (wcc from miniprogram-compiler). wcc turns every .wxml/.wxs
 * of the build into one `$gwx(path)` function; `$gwx(path)(data)` returns the rendered node tree. The
 * compiled code expects a browser-like `window`, so it runs in its own vm context whose `window` is itself.
 */

export interface WxmlElement {
  tag: string;
  attr: Record<string, unknown>;
  children: WxmlNode[];
}
export type WxmlNode = WxmlElement | string;

type RenderFn = (data: unknown) => unknown;
type Gwx = (path: string) => RenderFn | undefined;

const require = createRequire(import.meta.url);
const { wxmlToJs } = require("miniprogram-compiler") as { wxmlToJs: (root: string, opts?: { maxBuffer?: number }) => string };

export interface WxmlRenderer {
  /** Renders `pagePath` (e.g. "pages/toilets/index") with the page's data; Taro's recursion component is expanded. */
  render(pagePath: string, data: unknown): WxmlElement;
}

export function compileWxml(distDir: string): WxmlRenderer {
  const source = wxmlToJs(distDir, { maxBuffer: 64 * 1024 * 1024 });
  const context = vm.createContext({ console });
  context.window = context;
  const $gwx = vm.runInContext(`(function (global) { ${source} })`, context)({}) as Gwx;
  const toContext = vm.runInContext("(function (json) { return JSON.parse(json); })", context) as (json: string) => unknown;

  const run = (path: string, data: unknown): WxmlElement => {
    const fn = $gwx(path);
    if (typeof fn !== "function") throw new Error(`wcc has no template for ${path}`);
    // wcc checks types with its own realm's constructors, so the data goes in as that realm's objects;
    // the tree comes back as plain data of this realm.
    const tree = fn(toContext(JSON.stringify(data)));
    return JSON.parse(JSON.stringify(tree)) as WxmlElement;
  };

  /* Taro renders nodes deeper than its template depth through the `comp` custom component. */
  const expand = (node: WxmlNode, depth: number): WxmlNode => {
    if (typeof node === "string") return node;
    if (depth > 50) throw new Error("comp expansion too deep");
    let children = node.children ?? [];
    if (node.tag === "wx-comp" && node.attr?.i) {
      children = run("comp.wxml", { i: node.attr.i, l: node.attr.l ?? "" }).children;
    }
    return { tag: node.tag, attr: node.attr ?? {}, children: children.map((c) => expand(c, depth + 1)) };
  };

  return {
    render: (pagePath, data) => expand(run(`${pagePath}.wxml`, data), 0) as WxmlElement,
  };
}

/* Queries over a rendered tree. */

export function textOf(node: WxmlNode): string {
  if (typeof node === "string") return node;
  return node.children.map(textOf).join("");
}

export function classesOf(node: WxmlElement): string[] {
  const cls = node.attr.class;
  return typeof cls === "string" ? cls.split(/\s+/).filter(Boolean) : [];
}

export function findAll(root: WxmlNode, match: (el: WxmlElement) => boolean): WxmlElement[] {
  const found: WxmlElement[] = [];
  const walk = (n: WxmlNode) => {
    if (typeof n === "string") return;
    if (match(n)) found.push(n);
    n.children.forEach(walk);
  };
  walk(root);
  return found;
}

export const byClass = (cls: string) => (el: WxmlElement) => classesOf(el).includes(cls);

export function findByClass(root: WxmlNode, cls: string): WxmlElement[] {
  return findAll(root, byClass(cls));
}

export function findOneByClass(root: WxmlNode, cls: string): WxmlElement {
  const found = findByClass(root, cls);
  if (found.length === 0) throw new Error(`no element with class "${cls}" in the rendered page:\n${outline(root)}`);
  return found[0] as WxmlElement;
}

/** A compact, indented outline of a rendered tree (tag.class "text"), for failure messages. */
export function outline(root: WxmlNode, maxLines = 200): string {
  const lines: string[] = [];
  const walk = (n: WxmlNode, indent: string) => {
    if (lines.length >= maxLines) return;
    if (typeof n === "string") {
      if (n.trim()) lines.push(`${indent}"${n.trim()}"`);
      return;
    }
    const cls = classesOf(n);
    lines.push(`${indent}${n.tag}${cls.length ? `.${cls.join(".")}` : ""}`);
    for (const c of n.children) walk(c, `${indent}  `);
  };
  walk(root, "");
  return lines.join("\n");
}
