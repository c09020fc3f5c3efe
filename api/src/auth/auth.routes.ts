import { DevLoginRequest, SessionResponse, User, WechatLoginRequest } from "@civic/shared";
import { createRoute } from "@hono/zod-openapi";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";
import { requireUser } from "./auth.middleware";

const tags = ["auth"];

export const wechatLogin = createRoute({
  method: "post",
  path: "/api/v1/auth/wechat",
  tags,
  summary: "Sign in with a wx.login code (code2session on the server)",
  request: { body: jsonBody(WechatLoginRequest) },
  responses: { 200: jsonContent(SessionResponse, "Signed in"), ...errorResponses(400, 401, 415, 422, 429, 502) },
});

export const devLogin = createRoute({
  method: "post",
  path: "/api/v1/auth/dev-login",
  tags,
  summary: "Demo/test sign-in by openid; exists only when DEV_LOGIN=1",
  request: { body: jsonBody(DevLoginRequest) },
  responses: { 200: jsonContent(SessionResponse, "Signed in"), ...errorResponses(400, 404, 415, 422, 429) },
});

export const logout = createRoute({
  method: "post",
  path: "/api/v1/auth/logout",
  tags,
  summary: "Revoke the current session token",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 204: { description: "Signed out" }, ...errorResponses(401) },
});

export const me = createRoute({
  method: "get",
  path: "/api/v1/me",
  tags,
  summary: "The signed-in user and roles",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(User, "The caller"), ...errorResponses(401) },
});
