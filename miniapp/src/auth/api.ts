import { type DevLoginRequest, SessionResponse, User } from "@civic/shared";
import { type ApiResult, apiRequest, apiRequestNoContent } from "../services/request";

/* Auth domain: WeChat login, the demo login of the H5 build, the current user, logout. */

export const wechatLogin = (code: string): Promise<ApiResult<SessionResponse>> =>
  apiRequest(SessionResponse, { method: "POST", path: "/api/v1/auth/wechat", body: { code }, on401: "stay" });

export const devLogin = (request: DevLoginRequest): Promise<ApiResult<SessionResponse>> =>
  apiRequest(SessionResponse, { method: "POST", path: "/api/v1/auth/dev-login", body: request, on401: "stay" });

export const fetchMe = (): Promise<ApiResult<User>> => apiRequest(User, { path: "/api/v1/me" });

export const logout = (): Promise<ApiResult<null>> => apiRequestNoContent({ method: "POST", path: "/api/v1/auth/logout", on401: "stay" });
