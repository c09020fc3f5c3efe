import { z } from "zod";

/* The in-app inbox: every notification lands here, whether or not WeChat delivered it too. */

export const InboxMessage = z
  .object({
    id: z.string(),
    reportId: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "InboxMessage" });
export type InboxMessage = z.infer<typeof InboxMessage>;
export const InboxResponse = z.object({ messages: z.array(InboxMessage), unread: z.number().int() }).meta({ id: "Inbox" });
export type InboxResponse = z.infer<typeof InboxResponse>;
