import type { TestProject } from "vitest/node";
import { startFakeWechat } from "../fakes/wechat";

/** Runs in Node: the fake WeChat API on a loopback ephemeral port, its URL handed to the tests in workerd. */
export default async function setup(project: TestProject) {
  const wechat = await startFakeWechat();
  project.provide("wechatUrl", wechat.url);
  return async () => {
    await wechat.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    wechatUrl: string;
  }
}
