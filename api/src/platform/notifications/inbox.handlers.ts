import { currentUser } from "../../auth/auth.middleware";
import { notFound } from "../errors";
import type { AppRouteHandler } from "../router";
import { inboxRepo } from "./inbox.repo";
import type { listInbox, readInboxMessage } from "./inbox.routes";

export const INBOX_LIMIT = 50;

export const listInboxHandler: AppRouteHandler<typeof listInbox> = async (c) => {
  const { db } = c.get("deps");
  const user = currentUser(c);
  const repo = inboxRepo(db);
  const [messages, unread] = await Promise.all([repo.list(user.id, INBOX_LIMIT), repo.unread(user.id)]);
  return c.json({ messages, unread }, 200);
};

export const readInboxMessageHandler: AppRouteHandler<typeof readInboxMessage> = async (c) => {
  const { db, clock } = c.get("deps");
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  if (!(await inboxRepo(db).markRead(user.id, id, clock().toISOString()))) throw notFound("message");
  return c.body(null, 204);
};
