import { closureBadge, type TemporaryClosure } from "@civic/shared";
import { Text, View } from "@tarojs/components";

/** "暂停开放 · 至12月10日" and why, wherever a temporarily closed toilet is shown. */
export function ClosureNotice({ closure }: { closure: TemporaryClosure | null }) {
  if (!closure) return null;
  return (
    <View className="closure-notice">
      <Text className="closure-badge">{closureBadge(closure)}</Text>
      {closure.reason ? <Text className="closure-reason">{closure.reason}</Text> : null}
    </View>
  );
}
