import { type AuditEntry, auditActionLabel } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { formatCityTime } from "../../../ui/formatTime";

/* Audit entries as rows: time, action, who, on what, and the detail the API kept (role, reason, old values). */

const detailText = (detail: AuditEntry["detail"]): string => {
  if (!detail) return "";
  return Object.entries(detail)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "string" || typeof v === "number" ? v : JSON.stringify(v)}`)
    .join("；");
};

const shortId = (id: string | null) => (id ? (id.length > 12 ? `…${id.slice(-8)}` : id) : "系统");

export function AuditList({ entries }: { entries: AuditEntry[] }) {
  return (
    <View className="audit-list">
      {entries.map((e) => (
        <View key={e.id} className={`audit-entry audit-action-${e.action.replace(/[^a-z0-9]+/g, "-")}`}>
          <Text className="audit-entry__time">{formatCityTime(e.at)}</Text>
          <Text className="audit-entry__action">{auditActionLabel(e.action)}</Text>
          <Text className="audit-entry__actor">操作人 {shortId(e.actorId)}</Text>
          <Text className="audit-entry__target">
            {e.targetType} {shortId(e.targetId)}
          </Text>
          {e.detail ? <Text className="audit-entry__detail">{detailText(e.detail)}</Text> : null}
        </View>
      ))}
    </View>
  );
}
