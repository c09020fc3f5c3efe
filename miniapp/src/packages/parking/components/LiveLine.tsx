import type { LiveStatus } from "@civic/shared";
import { Text } from "@tarojs/components";
import { liveLine } from "../format";

/* The live line of a lot, coloured by its band (the API's): "剩余 23 个 · 3 分钟前" or "余位未知 …". */
export function LiveLine({ live }: { live: LiveStatus }) {
  return <Text className={`lot-live lot-live--${live.band}${live.fresh ? " is-fresh" : " is-unknown"}`}>{liveLine(live)}</Text>;
}
