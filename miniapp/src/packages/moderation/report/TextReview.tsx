import type { ReportDetail } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import { passText } from "../api";
import type { RunAction } from "./useCaseAction";

/*
 * 复核通过 for the case's text. Held text (its check did not pass and no one has passed or redacted it) is
 * shown to no one but staff and the reporter, and the case cannot be accepted until it is dealt with.
 */
export function TextReview({ report, busy, run }: { report: ReportDetail; busy: string | null; run: RunAction }) {
  if (report.textHeld) {
    return (
      <View className="review-row text-review text-review--held">
        <Text className="badge badge-held">描述待人工复核（公众不可见）</Text>
        <Button
          className="btn btn-primary text-pass"
          disabled={busy !== null || undefined}
          onClick={() => void run("pass_text", () => passText(report))}
        >
          复核通过
        </Button>
        <Text className="field-hint">如描述不宜公开，请用“修改描述”改写，改写后同样视为已复核。</Text>
      </View>
    );
  }
  if (report.textCheck && report.textCheck !== "pass") {
    return (
      <View className="review-row text-review text-review--cleared">
        <Text className="badge text-reviewed">描述已人工复核</Text>
      </View>
    );
  }
  return null;
}
