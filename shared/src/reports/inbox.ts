import { z } from "zod";

/* The in-app inbox: every notification lands here, whether or not WeChat delivered it too. */

export const InboxMessage = z
  .object({
    id: z.string(),
    /** The report it is about: `subject.id` when `subject.type` is 'report' (what the mini-program opens). */
    reportId: z.string().nullable(),
    /** What it is about, in any domain (e.g. {type: 'report', id}); null: nothing in particular. */
    subject: z.object({ type: z.string(), id: z.string() }).nullable().optional(),
    title: z.string(),
    body: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "InboxMessage" });
export type InboxMessage = z.infer<typeof InboxMessage>;
export const InboxResponse = z.object({ messages: z.array(InboxMessage), unread: z.number().int() }).meta({ id: "Inbox" });
export type InboxResponse = z.infer<typeof InboxResponse>;
