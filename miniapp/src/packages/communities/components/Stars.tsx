import { Text, View } from "@tarojs/components";

/** 1–5 stars drawn as text (★☆), with the count for screen readers and large text. */
export function Stars(props: { stars: number; className?: string }) {
  const n = Math.max(0, Math.min(5, Math.round(props.stars)));
  return (
    <View className={`stars ${props.className ?? ""}`} aria-label={`${n} 星`}>
      <Text className="stars__on">{"★".repeat(n)}</Text>
      <Text className="stars__off">{"☆".repeat(5 - n)}</Text>
      <Text className="stars__label">{n} 星</Text>
    </View>
  );
}

export const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** 2026-11 → 2026年11月 */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
