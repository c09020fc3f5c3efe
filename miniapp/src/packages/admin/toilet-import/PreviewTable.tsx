import type { ToiletImportPreview } from "@civic/shared";
import { Text, View } from "@tarojs/components";

/* The dry run's answer: every row's problems (nothing can be imported), or each row's planned action. */
export function PreviewTable({ preview }: { preview: ToiletImportPreview }) {
  if (!preview.ok) {
    return (
      <View className="card import-preview import-preview--errors">
        <Text className="section-title">发现 {preview.errors.length} 处问题，未写入任何数据</Text>
        <View className="admin-table">
          {preview.errors.map((e) => (
            <View key={`${e.row}|${e.field}|${e.message}`} className={`admin-table__row import-error import-error-row-${e.row}`}>
              <Text className="admin-table__cell import-error__row">{e.row > 0 ? `第 ${e.row} 行` : "整个文件"}</Text>
              <Text className="admin-table__cell import-error__field">{e.field}</Text>
              <Text className="admin-table__cell import-error__message">{e.message}</Text>
            </View>
          ))}
        </View>
      </View>
    );
  }
  return (
    <View className="card import-preview import-preview--ok">
      <Text className="section-title">
        检查通过：将新增 {preview.created} 座，更新 {preview.updated} 座
      </Text>
      <View className="admin-table">
        {preview.rows.map((r) => (
          <View key={r.row} className={`admin-table__row import-row import-row-${r.action}`}>
            <Text className="admin-table__cell">第 {r.row} 行</Text>
            <Text className="admin-table__cell import-row__name">{r.name}</Text>
            <Text className="admin-table__cell">{r.district}</Text>
            <Text className="admin-table__cell import-row__action">{r.action === "create" ? "新增" : `更新 ${r.sourceRef ?? ""}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
