import { AUDIT_ACTION_LABELS_ZH } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useRouter } from "@tarojs/taro";
import { useCallback, useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { canRetry, isAdmin, pageError } from "../access";
import "../admin.css";
import { auditLog } from "../api";
import { AuditList } from "../components/AuditList";
import { useCursorPages } from "../components/useCursorPages";

/* 审计日志: every admin and staff action, newest first; filter by who, on what, which action and dates. */

interface Filters {
  actor: string;
  targetType: string;
  targetId: string;
  action: string;
  from: string;
  to: string;
}
const TARGET_TYPES = [
  ["", "全部对象"],
  ["user", "用户"],
  ["category", "类别"],
  ["toilet", "公厕"],
  ["open311_key", "密钥"],
  ["report", "案件"],
] as const;
const TEXT_FILTERS = [
  ["actor", "操作人编号"],
  ["targetId", "对象编号"],
  ["from", "起始日期 YYYY-MM-DD"],
  ["to", "截止日期 YYYY-MM-DD"],
] as const;

export default function AdminAuditPage() {
  const params = useRouter().params;
  const session = useSession();
  const admin = isAdmin(session);
  const initial: Filters = {
    actor: params.actor ?? "",
    targetType: params.targetType ?? "",
    targetId: params.targetId ?? "",
    action: "",
    from: "",
    to: "",
  };
  const [draft, setDraft] = useState<Filters>(initial);
  const [applied, setApplied] = useState<Filters>(initial);
  const load = useCallback(
    async (cursor?: string) => {
      const q = Object.fromEntries(
        Object.entries(applied)
          .filter(([, v]) => v.trim() !== "")
          .map(([k, v]) => [k, v.trim()]),
      );
      const res = await auditLog({ ...q, cursor, limit: 50 });
      return res.ok ? { ...res, data: { items: res.data.entries, nextCursor: res.data.nextCursor } } : res;
    },
    [applied],
  );
  const list = useCursorPages(session && admin ? JSON.stringify(applied) : null, load);
  const error = pageError(session, list.state.status === "error" ? list.state.error : null);
  const set = (patch: Partial<Filters>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <PageContainer
      className="admin-page admin-audit"
      title="审计日志"
      subtitle="最新的在前；日期按本市时间"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        <View className="card audit-filters">
          <View className="chip-row">
            {TARGET_TYPES.map(([code, label]) => (
              <Chip
                key={code || "all"}
                label={label}
                className={`target-${code || "all"}`}
                active={draft.targetType === code}
                onTap={() => set({ targetType: code })}
              />
            ))}
          </View>
          <View className="chip-row">
            <Chip label="全部操作" className="action-all" active={draft.action === ""} onTap={() => set({ action: "" })} />
            {Object.entries(AUDIT_ACTION_LABELS_ZH).map(([code, label]) => (
              <Chip
                key={code}
                label={label}
                className={`action-${code.replace(/[^a-z0-9]+/g, "-")}`}
                active={draft.action === code}
                onTap={() => set({ action: code })}
              />
            ))}
          </View>
          <View className="audit-filters__inputs">
            {TEXT_FILTERS.map(([field, label]) => (
              <Input
                key={field}
                className={`text-input audit-${field}`}
                value={draft[field]}
                placeholder={label}
                onInput={(e) => set({ [field]: e.detail.value })}
              />
            ))}
          </View>
          <Button className="btn btn-primary audit-apply" onClick={() => setApplied(draft)}>
            筛选
          </Button>
        </View>
      }
      loading={list.state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? list.reload : undefined}
      empty={list.state.status === "ok" && list.items.length === 0}
      emptyText="没有符合条件的记录"
    >
      <AuditList entries={list.items} />
      {list.moreError ? <Text className="form-error">{list.moreError.message}</Text> : null}
      {list.nextCursor ? (
        <Button className="btn load-more" disabled={list.loadingMore || undefined} onClick={() => void list.more()}>
          {list.loadingMore ? "加载中…" : "加载更多"}
        </Button>
      ) : null}
    </PageContainer>
  );
}
