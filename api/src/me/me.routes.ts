import {
  AccountDeletionResult,
  AccountExport,
  ConsentRequest,
  DeleteAccountRequest,
  PhoneNumberRequest,
  PhoneNumberResponse,
  PrivacyStatus,
} from "@civic/shared";
import { createRoute } from "@hono/zod-openapi";
import { requireUser } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

const tags = ["me"];

export const privacyStatus = createRoute({
  method: "get",
  path: "/api/v1/me/privacy",
  tags,
  summary: "The privacy policy in force, the retention period, and which version the caller accepted",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(PrivacyStatus, "The caller's consent"), ...errorResponses(401) },
});

export const recordConsent = createRoute({
  method: "post",
  path: "/api/v1/me/consent",
  tags,
  summary: "Record that the caller accepted the privacy policy (append-only; the version must be the current one)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { body: jsonBody(ConsentRequest) },
  responses: {
    200: jsonContent(PrivacyStatus, "Recorded (or already recorded for this version)"),
    ...errorResponses(401, 409, 415, 422),
  },
});

export const exportMyData = createRoute({
  method: "get",
  path: "/api/v1/me/export",
  tags,
  summary: "Everything the service holds about the caller, as one JSON document (PIPL right of access)",
  security: bearerAuth,
  middleware: [requireUser],
  responses: { 200: jsonContent(AccountExport, "The caller's data"), ...errorResponses(401) },
});

export const deleteMyAccount = createRoute({
  method: "delete",
  path: "/api/v1/me",
  tags,
  summary: 'Delete the caller\'s account: sessions revoked, identity erased, reports unlinked; body {"confirm":"DELETE"}',
  security: bearerAuth,
  middleware: [requireUser],
  request: { body: jsonBody(DeleteAccountRequest) },
  responses: {
    200: jsonContent(AccountDeletionResult, "Deleted; what was removed and what was kept, and why"),
    ...errorResponses(401, 415, 422),
  },
});

export const exchangePhoneNumber = createRoute({
  method: "post",
  path: "/api/v1/me/phone-number",
  tags,
  summary:
    "Exchange the weapp phone-number button's one-time code through WeChat (getuserphonenumber) for the caller's number; answered, not stored (422 for a bad, expired or used code; 502 when WeChat is unavailable)",
  security: bearerAuth,
  middleware: [requireUser],
  request: { body: jsonBody(PhoneNumberRequest) },
  responses: { 200: jsonContent(PhoneNumberResponse, "The number"), ...errorResponses(401, 415, 422, 429, 502) },
});
