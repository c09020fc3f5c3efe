import { Text } from "@tarojs/components";

/** A tappable option (filter, radius, role ...). `className` carries the stable hook class. */
export function Chip(props: { label: string; active: boolean; className: string; onTap: () => void; disabled?: boolean }) {
  const cls = ["chip", props.className, props.active ? "is-active" : "", props.disabled ? "is-disabled" : ""].filter(Boolean).join(" ");
  return (
    <Text className={cls} onClick={props.disabled ? undefined : props.onTap}>
      {props.label}
    </Text>
  );
}
