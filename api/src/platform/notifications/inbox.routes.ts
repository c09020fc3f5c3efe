import { InboxResponse } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireUser } from "../../auth/auth.middleware";
import { bearerAuth, type createRouter, errorResponses, jsonContent } from "../router";
import { listInboxHandler, readInboxMessageHandler } from "./inbox.handlers";

const tags = ["inbox"];

export const listInbox = createRoute({
  method: "get",
  path: "/api/v1/inbox",
  tags,
  summary: "The caller's notifications, newest first (at most 50), and how many are unread",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(InboxResponse, "Inbox"), ...errorResponses(401) },
});

export const readInboxMessage = createRoute({
  method: "post",
  path: "/api/v1/inbox/{id}/read",
  tags,
  summary: "Mark one of the caller's notifications read",
  security: bearerAuth,
  middleware: [requireUser],
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 204: { description: "Read" }, ...errorResponses(401, 404) },
});

/** The in-app inbox the notification dispatcher fills. */
export function registerInbox(app: ReturnType<typeof createRouter>) {
  app.openapi(listInbox, listInboxHandler);
  app.openapi(readInboxMessage, readInboxMessageHandler);
}
