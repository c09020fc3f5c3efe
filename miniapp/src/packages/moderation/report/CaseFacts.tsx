import { type Category, REJECT_REASON_LABELS, type ReportDetail } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import type { ReactNode } from "react";
import { districtDisplayName } from "../../../city/districts";
import { caseName } from "../../../reports/caseText";
import { PlaceMap } from "../../../reports/components/PlaceMap";
import { formatCityTime } from "../../../ui/formatTime";
import { StatusBadge, UrgencyBadges } from "../components/StatusBadge";
import { DueTime } from "./DueTime";
import { CHECK_LABELS } from "./PhotoGrid";

/* What staff know about a case: status and deadline, both texts, reporter, extra fields, place, outcome. */
function Row({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return (
    <View className={`info-row ${className}`}>
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{children}</Text>
    </View>
  );
}

function attributeText(category: Category | undefined, code: string, value: string | number | string[]): [string, string] {
  const def = category?.attributes.find((a) => a.code === code);
  const name = (key: string) => def?.values.find((v) => v.key === key)?.name ?? key;
  const text = Array.isArray(value) ? value.map(name).join("、") : typeof value === "string" ? name(value) : String(value);
  return [def?.label ?? code, text];
}

export function CaseHeader({ report }: { report: ReportDetail }) {
  return (
    <View className="card case-header">
      <View className="case-header__top">
        <Text className="case-category">
          {report.category.groupName} · {report.category.name}
        </Text>
        <StatusBadge status={report.status} className={`report-status status-${report.status}`} />
      </View>
      <View className="badge-row">
        <UrgencyBadges held={report.held ?? false} overdue={report.overdue ?? false} />
        {report.followers > 0 ? <Text className="badge report-followers">{report.followers}人同样反映</Text> : null}
      </View>
      <Text className="case-id">案件编号 {caseName(report)}</Text>
      <DueTime report={report} />
    </View>
  );
}

export function CaseText({ report }: { report: ReportDetail }) {
  const original = report.originalDescription;
  return (
    <View className="card case-text">
      <Text className="section-title">描述</Text>
      <Text className="field-label">公开描述</Text>
      <Text className="report-description">{report.description}</Text>
      {original !== undefined && original !== report.description ? (
        <>
          <Text className="field-label">上报原文（仅工作人员可见）</Text>
          <Text className="report-original">{original}</Text>
        </>
      ) : null}
      {report.textCheck ? (
        <Text className={`badge text-check text-check--${report.textCheck}`}>文本检测：{CHECK_LABELS[report.textCheck]}</Text>
      ) : null}
    </View>
  );
}

export function CaseInfo({ report, category }: { report: ReportDetail; category: Category | undefined }) {
  const attributes = Object.entries(report.attributes);
  return (
    <View className="card case-info">
      <Text className="section-title">信息</Text>
      <Row label="上报人" className="report-reporter">
        {report.reporter ? (report.reporter.nickname ?? "未设置昵称") : report.source === "open311" ? "Open311 接入" : "—"}
      </Row>
      <Row label="上报时间" className="report-created">
        {formatCityTime(report.createdAt)}
      </Row>
      <Row label="地址" className="report-address">
        {districtDisplayName(report.district)} · {report.address}
      </Row>
      <Row label="位置" className="report-location">
        {report.location.lat.toFixed(6)}, {report.location.lng.toFixed(6)}（GCJ-02）
      </Row>
      {/* The exact point (staff see it unrounded) on the same map the resident placed it on. */}
      <PlaceMap point={report.location} />
      {attributes.map(([code, value]) => {
        const [label, text] = attributeText(category, code, value);
        return (
          <Row key={code} label={label} className={`report-attribute report-attribute-${code}`}>
            {text}
          </Row>
        );
      })}
      {report.department ? (
        <Row label="处置部门" className="report-department">
          {report.department}
        </Row>
      ) : null}
      {report.rejectReason ? (
        <Row label="不予立案原因" className="report-reject-reason">
          {REJECT_REASON_LABELS[report.rejectReason]}
        </Row>
      ) : null}
      {report.duplicateOf ? (
        <Row label="合并到" className="report-duplicate-of">
          {report.duplicateOf}
        </Row>
      ) : null}
      {report.resolutionNote ? (
        <Row label="处理结果" className="report-resolution">
          {report.resolutionNote}
        </Row>
      ) : null}
      {report.rating !== null ? (
        <Row label="市民评价" className="report-rating">
          {`${report.rating} 星${report.ratingComment ? `：${report.ratingComment}` : ""}`}
        </Row>
      ) : null}
    </View>
  );
}
