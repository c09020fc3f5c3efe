import { z } from "zod";
import { queryInt } from "../http/query";
import { AuditEntry } from "./schemas";

/*
 * The admin's audit log browser: filters by who acted, on what, which action and which city dates,
 * newest first, paged with an opaque cursor (the last entry's time and id) so that rows written while
 * an admin pages never shift or repeat a page.
 */
const CityDate = z.iso.date();

export const AuditQuery = z.object({
  actor: z.string().max(64).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(64).optional(),
  action: z.string().max(60).optional(),
  /** First city date (YYYY-MM-DD, Asia/Shanghai by default), inclusive. */
  from: CityDate.optional(),
  /** Last city date, inclusive. */
  to: CityDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: queryInt(1, 500, 100),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() }).meta({ id: "AuditPage" });
export type AuditPage = z.infer<typeof AuditPage>;

/** Chinese names of the audited actions, for the admin pages; unknown ones show their code. */
export const AUDIT_ACTION_LABELS_ZH: Record<string, string> = {
  "role.grant": "授予角色",
  "role.revoke": "撤销角色",
  "category.create": "新建类别",
  "category.update": "修改类别",
  "toilet.create": "新增厕所",
  "toilet.update": "修改厕所",
  "toilet.deactivate": "停用厕所",
  "toilet.import": "导入厕所",
  "toilet_feedback.resolve": "处理厕所反馈",
  "open311_key.create": "签发 Open311 密钥",
  "open311_key.revoke": "吊销 Open311 密钥",
};
export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS_ZH[action] ?? action;
