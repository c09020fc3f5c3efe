import type { TestProject } from "vitest/node";
import { startFakeTencentSms } from "../fakes/tencent-sms";
import { startFakeWechat } from "../fakes/wechat";

/**
 * Runs in Node: the fake WeChat API and the fake Tencent Cloud SMS on loopback ephemeral ports, their URLs
 * (and the SMS settings that send through the fake) handed to the tests in workerd.
 */
export default async function setup(project: TestProject) {
  const [wechat, sms] = await Promise.all([startFakeWechat(), startFakeTencentSms()]);
  project.provide("wechatUrl", wechat.url);
  project.provide("smsEnv", sms.env());
  return async () => {
    await Promise.all([wechat.close(), sms.close()]);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    wechatUrl: string;
    smsEnv: Record<string, string>;
  }
}
