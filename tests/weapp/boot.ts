import { miniappDist } from "../support/paths";
import { HERE, stubApi } from "./fixtures";
import type { FakeWxOptions } from "./harness/fake-wx";
import { bootMiniProgram, type MiniProgram } from "./harness/mini-runtime";
import { classesOf, compileWxml, findAll, findByClass, textOf, type WxmlElement, type WxmlRenderer } from "./harness/wxml";

/* One wcc compilation of the build per test file; a fresh app (fresh JS state, fresh fake wx) per test. */
let renderer: WxmlRenderer | null = null;

export function bootWeapp(options: Partial<FakeWxOptions> = {}): Promise<MiniProgram> {
  const dist = miniappDist("weapp");
  renderer ??= compileWxml(dist);
  return bootMiniProgram(dist, { onRequest: stubApi(), location: HERE, ...options }, renderer);
}

/** The texts of every element with class `cls`, in document order. */
export const textsOf = (tree: WxmlElement, cls: string) => findByClass(tree, cls).map((el) => textOf(el).trim());

/** Elements carrying every one of `classes`. */
export const findWithClasses = (tree: WxmlElement, ...classes: string[]) =>
  findAll(tree, (el) => classes.every((c) => classesOf(el).includes(c)));

export const navigateUrls = (mp: MiniProgram) => mp.fake.callsOf("navigateTo").map((o) => String((o as { url: string }).url));
