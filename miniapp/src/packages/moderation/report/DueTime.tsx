import { OPEN_STATUSES, type ReportDetail } from "@civic/shared";
import { Text } from "@tarojs/components";
import { formatCityTime } from "../../../ui/formatTime";

/*
 * The case's deadline, named for what it is: before 立案 the time is the acceptance deadline (the SLA clock
 * for handling starts only at 立案, which sets a new due time); after it, the handling deadline (处置时限);
 * a case no longer open shows none.
 */
export function DueTime({ report }: { report: Pick<ReportDetail, "status" | "slaDueAt" | "overdue"> }) {
  const overdue = report.overdue ? " is-overdue" : "";
  if (report.status === "submitted") {
    return report.slaDueAt ? (
      <Text className={`report-sla report-sla--acceptance${overdue}`}>
        受理期限 {formatCityTime(report.slaDueAt)}（立案后另计处置时限）
      </Text>
    ) : (
      <Text className="report-sla report-sla--acceptance">处置时限自立案起计算</Text>
    );
  }
  if (!OPEN_STATUSES.includes(report.status) || !report.slaDueAt) return null;
  return <Text className={`report-sla${overdue}`}>处置时限 {formatCityTime(report.slaDueAt)}</Text>;
}
