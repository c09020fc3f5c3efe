import { WASTE_CLASS_INFO, WASTE_CLASSES, type WasteClass } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { useGuide } from "../cache";
import { ClassChip } from "../components/ClassChip";
import "../guide.css";
import { guideItemUrl } from "../routes";

/* What goes in each bin: the class's rule and every item of the guide filed under it. */

const isClass = (v: string | undefined): v is WasteClass => (WASTE_CLASSES as readonly string[]).includes(v ?? "");

export default function GuideClassesPage() {
  const param = useRouter().params.class;
  const [cls, setCls] = useState<WasteClass>(isClass(param) ? param : "recyclable");
  const { state, retry } = useGuide();
  const items = state.status === "ok" ? state.items.filter((i) => i.class === cls) : [];
  return (
    <PageContainer
      className="guide-classes-page"
      title="四类垃圾怎么分"
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={retry}
      toolbar={
        <View className="chip-row">
          {WASTE_CLASSES.map((c) => (
            <Chip
              key={c}
              label={WASTE_CLASS_INFO[c].label}
              active={c === cls}
              className={`guide-class-tab guide-class-tab-${c}`}
              onTap={() => setCls(c)}
            />
          ))}
        </View>
      }
    >
      <View className="card guide-class-card">
        <ClassChip cls={cls} large />
        <Text className="guide-rule guide-class-rule">{WASTE_CLASS_INFO[cls].rule}</Text>
        <View>
          {items.map((i) => (
            <Text key={i.id} className="guide-class-item" data-id={i.id} onClick={() => void Taro.navigateTo({ url: guideItemUrl(i.id) })}>
              {i.name}
            </Text>
          ))}
        </View>
      </View>
    </PageContainer>
  );
}
