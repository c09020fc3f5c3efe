import { AccountDeletionResult, AccountExport, DELETE_ACCOUNT_CONFIRMATION, PrivacyStatus } from "@civic/shared";
import { type ApiResult, apiRequest } from "../services/request";

/* The caller's own account (PIPL): privacy status and consent, export of everything held, deletion. */

export const fetchPrivacyStatus = (): Promise<ApiResult<PrivacyStatus>> => apiRequest(PrivacyStatus, { path: "/api/v1/me/privacy" });

export const recordConsent = (policyVersion: string): Promise<ApiResult<PrivacyStatus>> =>
  apiRequest(PrivacyStatus, { method: "POST", path: "/api/v1/me/consent", body: { policyVersion }, on401: "stay" });

export const exportMyData = (): Promise<ApiResult<AccountExport>> => apiRequest(AccountExport, { path: "/api/v1/me/export" });

export const deleteMyAccount = (): Promise<ApiResult<AccountDeletionResult>> =>
  apiRequest(AccountDeletionResult, { method: "DELETE", path: "/api/v1/me", body: { confirm: DELETE_ACCOUNT_CONFIRMATION } });
