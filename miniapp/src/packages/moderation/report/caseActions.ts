import {
  type CaseActionBodies,
  MAX_DESCRIPTION_CHARS,
  type RejectReason,
  type ReportDetail,
  type ReportStatus,
  TRANSITIONS,
} from "@civic/shared";
import type { CaseAction } from "../api";

/*
 * The actions on a case: which ones the current status allows (TRANSITIONS, the lifecycle's own table;
 * 修改描述 is allowed at any time), and the request each form's fields make, checked before sending.
 */
export interface CaseActionInfo {
  name: CaseAction;
  label: string;
  prompt: string;
  confirm: string;
}

export const CASE_ACTIONS: readonly CaseActionInfo[] = [
  { name: "accept", label: "立案", prompt: "确认受理立案？立案后开始计算处置时限。", confirm: "确认立案" },
  { name: "dispatch", label: "派遣", prompt: "派遣给处置部门（默认是该分类的责任部门，可修改）。", confirm: "确认派遣" },
  { name: "resolve", label: "处理反馈", prompt: "填写处理结果，可上传处理后的照片。", confirm: "提交处理反馈" },
  { name: "close", label: "核查结案", prompt: "已核查处理结果，确认结案？", confirm: "确认结案" },
  { name: "reject", label: "不予立案", prompt: "选择不予立案的原因，上报人会收到通知。", confirm: "确认不予立案" },
  { name: "merge", label: "合并", prompt: "这是重复上报：合并到原案件，关注者一并转入原案件。", confirm: "确认合并" },
  { name: "reopen", label: "重新打开", prompt: "填写重新打开的原因。", confirm: "确认重新打开" },
  { name: "redact", label: "修改描述", prompt: "修改公开显示的描述；上报人的原文仍保留，仅工作人员可见。", confirm: "保存修改" },
];

export function allowedActions(status: ReportStatus): CaseActionInfo[] {
  return CASE_ACTIONS.filter((a) => a.name === "redact" || TRANSITIONS[a.name].from.includes(status));
}

/** What the fields of an action's form hold (text inputs, and the chosen reject reason). */
export interface ActionFields {
  /** 内部备注: staff only. */
  note: string;
  /** 答复市民: shown to the reporter and the public, and sent in their notification. */
  reply: string;
  reason: string;
  into: string;
  department: string;
  description: string;
  rejectReason: RejectReason | null;
}

export const initialFields = (report: ReportDetail, defaultDepartment: string): ActionFields => ({
  note: "",
  reply: "",
  reason: "",
  into: "",
  department: report.department ?? defaultDepartment,
  description: report.description,
  rejectReason: null,
});

const MAX_NOTE = 500;
const REPORT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type BuiltRequest<A extends CaseAction> = { ok: true; body: CaseActionBodies[A] } | { ok: false; errors: Record<string, string> };

/** The request body for `action` from the form, or the problems to show beside its fields. */
export function buildActionRequest<A extends CaseAction>(
  action: A,
  fields: ActionFields,
  report: ReportDetail,
  photoIds: readonly string[],
): BuiltRequest<A> {
  const errors: Record<string, string> = {};
  const note = fields.note.trim();
  if (note.length > MAX_NOTE) errors.note = `内部备注不能超过 ${MAX_NOTE} 字`;
  const reply = fields.reply.trim();
  if (reply.length > MAX_NOTE) errors.reply = `答复不能超过 ${MAX_NOTE} 字`;
  const withNote = { ...(note ? { note } : {}), ...(reply ? { reply } : {}) };
  let body: CaseActionBodies[CaseAction];
  switch (action) {
    case "accept":
    case "close":
      body = withNote;
      break;
    case "reject":
      if (!fields.rejectReason) errors.reason = "请选择不予立案的原因";
      body = { reason: fields.rejectReason ?? "invalid", ...withNote };
      break;
    case "merge": {
      const into = fields.into.trim();
      if (!into) errors.into = "请输入原案件编号";
      else if (!REPORT_ID.test(into)) errors.into = "案件编号只含字母、数字、- 和 _";
      else if (into === report.id) errors.into = "不能合并到本案件自身";
      body = { into, ...withNote };
      break;
    }
    case "dispatch": {
      const department = fields.department.trim();
      if (!department) errors.department = "请填写处置部门";
      else if (department.length > 60) errors.department = "部门名称不能超过 60 字";
      body = { department, ...withNote };
      break;
    }
    case "resolve":
      if (!reply) errors.reply = "请填写处理结果";
      body = { reply, ...(note ? { note } : {}), photoIds: [...photoIds] };
      break;
    case "reopen": {
      const reason = fields.reason.trim();
      if (reason.length < 2) errors.reason = "请填写重新打开的原因（至少 2 个字）";
      else if (reason.length > MAX_NOTE) errors.reason = `原因不能超过 ${MAX_NOTE} 字`;
      body = { reason };
      break;
    }
    case "redact": {
      const description = fields.description.trim();
      if (!description) errors.description = "描述不能为空";
      else if (description.length > MAX_DESCRIPTION_CHARS) errors.description = `描述不能超过 ${MAX_DESCRIPTION_CHARS} 字`;
      else if (description === report.description) errors.description = "描述没有改动";
      body = { description, ...(note ? { note } : {}) };
      break;
    }
    default:
      body = withNote;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: body as CaseActionBodies[A] };
}
