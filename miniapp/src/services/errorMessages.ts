import type { ErrorCode } from "@civic/shared";

/* What a resident reads when a request fails: short Chinese sentences keyed by the envelope's code. */
export const ERROR_MESSAGES_ZH: Record<ErrorCode, string> = {
  bad_request: "请求有误，请返回重试",
  validation_failed: "填写的内容有误，请检查后再提交",
  unauthorized: "登录已失效，请重新登录",
  forbidden: "您没有权限进行此操作",
  not_found: "没有找到相关内容",
  conflict: "状态已经变化，请刷新后重试",
  payload_too_large: "提交的内容太大",
  unsupported_media_type: "请求格式有误",
  rate_limited: "操作太频繁，请稍后再试",
  precondition_required: "页面内容已过期，请刷新后重试",
  headers_too_large: "请求有误，请返回重试",
  upstream_unavailable: "微信服务暂时不可用，请稍后再试",
  internal: "服务器开小差了，请稍后再试",
};

export const NETWORK_MESSAGE_ZH = "网络连接失败，请检查网络后重试";
export const INVALID_RESPONSE_MESSAGE_ZH = "服务器返回的数据无法识别，请稍后再试";
export const httpStatusMessageZh = (status: number) => `服务暂时不可用（HTTP ${status}），请稍后再试`;
