import { type CSSProperties, createElement, type ReactNode } from "react";

/*
 * Stands in for @tarojs/components in jsdom: each Taro component becomes a plain DOM element with the
 * same className, style, data-* attributes and events, and the Taro event shape ({ detail }) where the
 * pages read it. `data-taro` names the component so tests can tell a Button from a View.
 */
interface BaseProps {
  className?: string;
  style?: CSSProperties;
  children?: ReactNode;
  onClick?: () => void;
  [key: string]: unknown;
}

function dataAttributes(props: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith("data-")));
}

function element(tag: string, name: string) {
  const Component = (props: BaseProps) =>
    createElement(
      tag,
      { className: props.className, style: props.style, onClick: props.onClick, "data-taro": name, ...dataAttributes(props) },
      props.children,
    );
  Component.displayName = name;
  return Component;
}

export const View = element("div", "View");
export const Text = element("span", "Text");
export const ScrollView = element("div", "ScrollView");
export const Label = element("label", "Label");

export function Button(props: BaseProps & { disabled?: boolean }) {
  return createElement(
    "button",
    { type: "button", className: props.className, disabled: props.disabled, onClick: props.onClick, "data-taro": "Button" },
    props.children,
  );
}

type InputProps = BaseProps & {
  value?: string;
  placeholder?: string;
  maxlength?: number;
  onInput?: (e: { detail: { value: string } }) => void;
};

function field(tag: "input" | "textarea", name: string) {
  const Component = (props: InputProps) =>
    createElement(tag, {
      className: props.className,
      value: props.value,
      placeholder: props.placeholder,
      maxLength: props.maxlength,
      "data-taro": name,
      onChange: (e: { target: { value: string } }) => props.onInput?.({ detail: { value: e.target.value } }),
    });
  Component.displayName = name;
  return Component;
}

export const Input = field("input", "Input");
export const Textarea = field("textarea", "Textarea");

export function Image(props: BaseProps & { src?: string }) {
  return createElement("img", { className: props.className, src: props.src, alt: "", "data-taro": "Image" });
}

export function Switch(props: BaseProps & { checked?: boolean; onChange?: (e: { detail: { value: boolean } }) => void }) {
  return createElement("input", {
    type: "checkbox",
    role: "switch",
    className: props.className,
    checked: props.checked ?? false,
    "data-taro": "Switch",
    onChange: (e: { target: { checked: boolean } }) => props.onChange?.({ detail: { value: e.target.checked } }),
  });
}

interface MapMarker {
  id?: number;
  latitude: number;
  longitude: number;
  title?: string;
  iconPath?: string;
  label?: { content: string };
}

/**
 * The native map as a list of its markers (with their icon and label text as data-*, the map's centre
 * and scale on the map); tapping one fires onMarkerTap like WeChat does.
 */
// biome-ignore lint/suspicious/noShadowRestrictedNames: the component is called Map in @tarojs/components
export function Map(
  props: BaseProps & {
    markers?: MapMarker[];
    latitude?: number;
    longitude?: number;
    scale?: number;
    polygons?: { points: { latitude: number; longitude: number }[]; strokeColor?: string; fillColor?: string }[];
    circles?: { latitude: number; longitude: number; radius: number; color?: string; fillColor?: string }[];
    onMarkerTap?: (e: { detail: { markerId: number } }) => void;
    onTap?: (e: { detail: { latitude: number; longitude: number } }) => void;
  },
) {
  // Shapes as data-* JSON (tests read what WeChat would draw). A tap on the map is a click carrying the
  // tapped spot as `mapSpot` ({ latitude, longitude }), passed on as WeChat's bindtap detail.
  return createElement(
    "div",
    {
      className: props.className,
      "data-taro": "Map",
      "data-latitude": props.latitude,
      "data-longitude": props.longitude,
      "data-scale": props.scale,
      "data-polygons": props.polygons ? JSON.stringify(props.polygons) : undefined,
      "data-circles": props.circles ? JSON.stringify(props.circles) : undefined,
      onClick: (e: { nativeEvent: Event }) => {
        const spot = (e.nativeEvent as Event & { mapSpot?: { latitude: number; longitude: number } }).mapSpot;
        if (spot) props.onTap?.({ detail: spot });
      },
    },
    (props.markers ?? []).map((m, i) =>
      createElement(
        "button",
        {
          key: m.id ?? i,
          type: "button",
          className: "native-marker",
          "data-icon": m.iconPath,
          "data-label": m.label?.content,
          onClick: () => props.onMarkerTap?.({ detail: { markerId: m.id ?? i } }),
        },
        m.title ?? "",
      ),
    ),
  );
}

/** A picker as a plain input: typing a value fires onChange with `{ detail: { value } }`, as a pick would. */
export function Picker(props: BaseProps & { mode?: string; value?: string; onChange?: (e: { detail: { value: string } }) => void }) {
  return createElement(
    "label",
    { className: props.className, "data-taro": "Picker" },
    createElement("input", {
      className: "picker-value",
      value: props.value ?? "",
      "data-mode": props.mode,
      onChange: (e: { target: { value: string } }) => props.onChange?.({ detail: { value: e.target.value } }),
    }),
    props.children,
  );
}
