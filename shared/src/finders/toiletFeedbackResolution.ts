import { z } from "zod";
import { monthDayZh } from "./toiletClosure";
import { TemporaryClosureRequest } from "./toiletClosureRequest";
import { ToiletUpdate } from "./toilets";

/*
 * How an admin closes a resident's toilet feedback: what they found (`outcome`), optionally what they did
 * to the toilet in the same step, and optionally a reply for the resident, who hears about it in the inbox.
 */

export const FeedbackAction = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("temporary_closure"), ...TemporaryClosureRequest.shape }),
    z.strictObject({
      type: z.literal("update"),
      patch: ToiletUpdate.refine((p) => Object.keys(p).length > 0, { message: "the patch changes nothing" }),
    }),
    z.strictObject({ type: z.literal("deactivate") }),
  ])
  .meta({ id: "ToiletFeedbackAction" });
export type FeedbackAction = z.infer<typeof FeedbackAction>;

const Outcome = z.string().trim().min(1).max(500);

export const ResolveToiletFeedbackRequest = z
  .strictObject({
    /** What the admin found and did, kept on the feedback as its resolution note. */
    outcome: Outcome.optional(),
    /** The older name of `outcome`, still accepted. */
    note: Outcome.optional(),
    action: FeedbackAction.optional(),
    /** Added to the resident's inbox message. */
    replyToResident: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => b.outcome !== undefined || b.note !== undefined, { message: "outcome is required", path: ["outcome"] })
  .meta({ id: "ResolveToiletFeedbackRequest" });
export type ResolveToiletFeedbackRequest = z.input<typeof ResolveToiletFeedbackRequest>;

/** What the resident's inbox says was done about their feedback on `toiletName`. */
export function feedbackResolvedMessage(toiletName: string, action: FeedbackAction | undefined, reply?: string): string {
  const done = !action
    ? `您反馈的 ${toiletName} 已处理`
    : action.type === "temporary_closure"
      ? `您反馈的 ${toiletName} 已标记为暂停开放至 ${monthDayZh(action.until)}`
      : action.type === "update"
        ? `您反馈的 ${toiletName} 的开放时间和设施信息已更新`
        : `您反馈的 ${toiletName} 已停用，不再显示在找厕所中`;
  return `${done}，感谢反馈${reply ? `。答复：${reply}` : ""}`;
}
