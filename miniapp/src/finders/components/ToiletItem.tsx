import { TOILET_KIND_LABELS, type ToiletSummary } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { formatDistance, OPEN_STATE_LABELS, toiletTags } from "../format";
import { ClosureNotice } from "./ClosureNotice";

export function OpenBadge({ state }: { state: ToiletSummary["openNow"] }) {
  return <Text className={`open-badge open-badge--${state}`}>{OPEN_STATE_LABELS[state]}</Text>;
}

export function ToiletTags({ toilet }: { toilet: Pick<ToiletSummary, "free" | "accessible" | "babyCare" | "thirdToilet"> }) {
  return (
    <>
      {toiletTags(toilet).map((tag) => (
        <Text key={tag.key} className={`toilet-tag ${tag.key}`}>
          {tag.label}
        </Text>
      ))}
    </>
  );
}

export function ToiletItem({ toilet, index, onOpen }: { toilet: ToiletSummary; index?: number; onOpen: (id: string) => void }) {
  return (
    <View className="toilet-item" data-id={toilet.id} onClick={() => onOpen(toilet.id)}>
      <View className="toilet-item__head">
        {index !== undefined ? <Text className="toilet-index">{index + 1}</Text> : null}
        <Text className="toilet-name">{toilet.name}</Text>
        <Text className="toilet-distance">{formatDistance(toilet.distanceM)}</Text>
      </View>
      <View className="toilet-item__meta">
        <OpenBadge state={toilet.openNow} />
        <Text className="toilet-kind">{TOILET_KIND_LABELS[toilet.kind]}</Text>
        <ToiletTags toilet={toilet} />
      </View>
      <ClosureNotice closure={toilet.temporaryClosure} />
      <Text className="toilet-address">{toilet.address}</Text>
    </View>
  );
}
