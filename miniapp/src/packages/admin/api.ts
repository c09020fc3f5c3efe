import {
  AdminToiletPage,
  type AdminToiletQuery,
  AdminUserList,
  AuditPage,
  type AuditQuery,
  Category,
  type CategoryInput,
  CategoryList,
  type CategoryUpdate,
  type GrantableRole,
  Open311KeyList,
  Open311KeyResponse,
  Open311KeySummary,
  type TemporaryClosureRequest,
  ToiletDetail,
  ToiletImportPreview,
  type ToiletImportRequest,
  ToiletImportResult,
  type ToiletUpdate,
  User,
} from "@civic/shared";
import { type ApiResult, apiRequest } from "../../services/request";

/* The admin console's calls (admin-only routes; every write is audited by the API). */

const enc = encodeURIComponent;

export const searchUsers = (q: string): Promise<ApiResult<AdminUserList>> =>
  apiRequest(AdminUserList, { path: "/api/v1/admin/users", query: { q: q || undefined } });
export const grantRole = (userId: string, role: GrantableRole, note?: string): Promise<ApiResult<User>> =>
  apiRequest(User, { method: "POST", path: `/api/v1/admin/users/${enc(userId)}/roles`, body: note ? { role, note } : { role } });
export const revokeRole = (userId: string, role: GrantableRole): Promise<ApiResult<User>> =>
  apiRequest(User, { method: "DELETE", path: `/api/v1/admin/users/${enc(userId)}/roles/${role}` });

/** Query parameters as sent (the shared schemas coerce `limit` from text, so their input type is loose). */
type Sent<Q> = Omit<Q, "limit"> & { limit?: number };

export const auditLog = (query: Sent<AuditQuery>): Promise<ApiResult<AuditPage>> =>
  apiRequest(AuditPage, { path: "/api/v1/admin/audit", query: { ...query } });

export const allCategories = (): Promise<ApiResult<CategoryList>> =>
  apiRequest(CategoryList, { path: "/api/v1/report-categories", query: { all: 1 } });
export const createCategory = (input: CategoryInput): Promise<ApiResult<Category>> =>
  apiRequest(Category, { method: "POST", path: "/api/v1/admin/report-categories", body: input });
export const updateCategory = (code: string, changes: CategoryUpdate): Promise<ApiResult<Category>> =>
  apiRequest(Category, { method: "PATCH", path: `/api/v1/admin/report-categories/${enc(code)}`, body: changes });

export const adminToilets = (query: Sent<AdminToiletQuery>): Promise<ApiResult<AdminToiletPage>> =>
  apiRequest(AdminToiletPage, { path: "/api/v1/admin/toilets", query: { ...query } });

/** The toilet as the edit page reads it, its temporary closure (暂停开放) included. */
export const AdminToiletDetail = ToiletDetail;
export type AdminToiletDetail = ToiletDetail;

const toiletPath = (id: string) => `/api/v1/admin/toilets/${enc(id)}`;
export const toiletForAdmin = (id: string): Promise<ApiResult<AdminToiletDetail>> =>
  apiRequest(AdminToiletDetail, { path: `/api/v1/toilets/${enc(id)}` });
export const updateToilet = (id: string, changes: ToiletUpdate): Promise<ApiResult<AdminToiletDetail>> =>
  apiRequest(AdminToiletDetail, { method: "PATCH", path: toiletPath(id), body: changes });
export const deactivateToilet = (id: string, reason: string): Promise<ApiResult<AdminToiletDetail>> =>
  apiRequest(AdminToiletDetail, { method: "POST", path: `${toiletPath(id)}/deactivate`, body: { reason } });
export const closeToiletFor = (id: string, closure: TemporaryClosureRequest): Promise<ApiResult<AdminToiletDetail>> =>
  apiRequest(AdminToiletDetail, { method: "POST", path: `${toiletPath(id)}/temporary-closure`, body: closure });
export const reopenToilet = (id: string): Promise<ApiResult<AdminToiletDetail>> =>
  apiRequest(AdminToiletDetail, { method: "DELETE", path: `${toiletPath(id)}/temporary-closure` });

export const previewImport = (req: ToiletImportRequest): Promise<ApiResult<ToiletImportPreview>> =>
  apiRequest(ToiletImportPreview, { method: "POST", path: "/api/v1/admin/toilets/import/preview", body: req });
export const runImport = (req: ToiletImportRequest): Promise<ApiResult<ToiletImportResult>> =>
  apiRequest(ToiletImportResult, { method: "POST", path: "/api/v1/admin/toilets/import", body: req });

export const open311Keys = (): Promise<ApiResult<Open311KeyList>> => apiRequest(Open311KeyList, { path: "/api/v1/admin/open311/keys" });
export const issueOpen311Key = (name: string): Promise<ApiResult<Open311KeyResponse>> =>
  apiRequest(Open311KeyResponse, { method: "POST", path: "/api/v1/admin/open311/keys", body: { name } });
export const revokeOpen311Key = (id: string): Promise<ApiResult<Open311KeySummary>> =>
  apiRequest(Open311KeySummary, { method: "POST", path: `/api/v1/admin/open311/keys/${enc(id)}/revoke` });
