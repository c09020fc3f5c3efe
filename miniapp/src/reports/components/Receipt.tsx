import { CASE_STEPS, type ReportDetail } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { formatCityTime } from "../../ui/formatTime";
import { caseName } from "../caseText";

/*
 * 上报回执: what a resident needs after submitting: the case number to quote on the phone (12319), when the
 * bureau will answer at the latest (立案 within the category's time), and what happens next. Shown on top
 * of the report's page right after submitting (detail?id=…&receipt=1).
 */
export function Receipt({ report }: { report: ReportDetail }) {
  return (
    <View className="wizard-section report-receipt">
      <View className="card receipt-card">
        <Text className="section-title receipt-title">上报成功</Text>
        <Text className="field-label">案件编号（咨询时请提供）</Text>
        <Text className="receipt-case-number">{caseName(report)}</Text>
        <Text className="receipt-row receipt-category">类别：{report.category.name}</Text>
        <Text className="receipt-row receipt-filed">上报时间：{formatCityTime(report.createdAt)}</Text>
        {report.slaDueAt ? <Text className="receipt-row receipt-due">最迟 {formatCityTime(report.slaDueAt)} 前受理答复</Text> : null}
      </View>
      <View className="card receipt-next">
        <Text className="section-title">接下来</Text>
        {CASE_STEPS.map((s, i) => (
          <View key={s.key} className={`receipt-step receipt-step--${s.key}`}>
            <Text className="receipt-step__label">
              {i + 1}. {s.label}
            </Text>
            <Text className="receipt-step__typical hint-text">{s.typical}</Text>
          </View>
        ))}
        <Text className="hint-text">每一步都会通过消息通知您，也可以在“我的上报”中查看。</Text>
      </View>
    </View>
  );
}
