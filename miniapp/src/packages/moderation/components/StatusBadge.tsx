import { REPORT_STATUS_LABELS, type ReportStatus } from "@civic/shared";
import { Text } from "@tarojs/components";

/** The case status as a coloured label; `className` adds the page's hook class (e.g. `report-status`). */
export function StatusBadge({ status, className }: { status: ReportStatus; className?: string }) {
  return (
    <Text className={["case-status", `case-status--${status}`, className ?? ""].filter(Boolean).join(" ")}>
      {REPORT_STATUS_LABELS[status]}
    </Text>
  );
}

/** 待人工复核 / 已超期 markers shared by the queue and the case page. */
export function UrgencyBadges({ held, overdue }: { held: boolean; overdue: boolean }) {
  return (
    <>
      {held ? <Text className="badge badge-held">待人工复核</Text> : null}
      {overdue ? <Text className="badge badge-overdue">已超期</Text> : null}
    </>
  );
}
