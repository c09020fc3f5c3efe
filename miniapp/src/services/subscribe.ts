import Taro from "@tarojs/taro";
import { isWeapp } from "../platform";

/*
 * Asking for one-time subscribe messages. WeChat lets a mini-program ask only inside a tap, so a submit tap
 * calls this first; H5 has no subscribe messages (and Taro's H5 stub only warns). Answers the template ids
 * the user accepted, which the API records as grants with the action that asked.
 */
export async function askForSubscribeMessages(templateId: string): Promise<string[]> {
  if (!isWeapp() || typeof Taro.requestSubscribeMessage !== "function") return [];
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Parameters<
      typeof Taro.requestSubscribeMessage
    >[0])) as unknown as Record<string, unknown>;
    return res[templateId] === "accept" ? [templateId] : [];
  } catch {
    // Refused, or the template switched off in settings: the in-app inbox still gets every update.
    return [];
  }
}
