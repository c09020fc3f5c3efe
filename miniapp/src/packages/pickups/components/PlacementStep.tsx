import { Input, Text, Textarea, View } from "@tarojs/components";
import { DOOR_CODE_REMINDER, MAX_ACCESS_NOTES, MAX_PLACEMENT } from "../draft";

/* Where the items will be left (放置位置) and how to get there (进出说明, at most 250 characters, never a door code). */
export interface PlacementStepProps {
  placement: string;
  accessNotes: string;
  onPlacement: (v: string) => void;
  onAccessNotes: (v: string) => void;
}

const PLACEMENTS = ["单元楼下", "小区垃圾房旁", "小区大门口", "家门口（需上楼）"];

export function PlacementStep(props: PlacementStepProps) {
  const over = props.accessNotes.length > MAX_ACCESS_NOTES;
  return (
    <View className="wizard-section pickup-placement-step">
      <Text className="section-title">物品放在哪里？</Text>
      <View className="chip-row">
        {PLACEMENTS.map((p) => (
          <Text
            key={p}
            className={`chip placement-chip${props.placement === p ? " is-selected" : ""}`}
            onClick={() => props.onPlacement(p)}
          >
            {p}
          </Text>
        ))}
      </View>
      <Input
        className="text-input placement-input"
        value={props.placement}
        maxlength={MAX_PLACEMENT}
        placeholder="如：3 幢楼下自行车棚旁"
        onInput={(e) => props.onPlacement(e.detail.value)}
      />
      <Text className="field-label">进出说明（可不填）</Text>
      <Text className="door-code-reminder">{DOOR_CODE_REMINDER}，如需开门请留电话联系。</Text>
      <Textarea
        className="text-area access-notes-input"
        value={props.accessNotes}
        maxlength={MAX_ACCESS_NOTES}
        placeholder="如：小区东门进，门卫处登记后可进入"
        onInput={(e) => props.onAccessNotes(e.detail.value.slice(0, MAX_ACCESS_NOTES))}
      />
      <Text className={`char-count access-notes-count${over ? " is-over" : ""}`}>
        {Math.min(props.accessNotes.length, MAX_ACCESS_NOTES)}/{MAX_ACCESS_NOTES}
      </Text>
    </View>
  );
}
