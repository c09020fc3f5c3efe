import type { LatLng, MarketZoneDetail, MarketZoneInput, MarketZoneKind, ZoneArea } from "@civic/shared";

/*
 * The zone form's draft: what the inputs hold (numbers as typed), and the body sent from it. The server
 * validates everything; a draft that is not a zone yet (e.g. a polygon of two points) is sent as it is
 * and its 422 shows under the field.
 */

export interface WindowDraft {
  weekday: number;
  open: string;
  close: string;
}

export interface ZoneDraft {
  name: string;
  kind: MarketZoneKind;
  address: string;
  district: string;
  street: string;
  shape: "circle" | "polygon";
  center: LatLng | null;
  radiusM: string;
  vertices: LatLng[];
  seasons: { start: string; end: string }[];
  windows: WindowDraft[];
  exceptions: { date: string; reason: string }[];
  goodsAllowed: string;
  goodsForbidden: string;
  stalls: string;
  fees: string;
  vendorsRegister: boolean;
  managingUnit: string;
  contactPhone: string;
}

export const EMPTY_DRAFT: ZoneDraft = {
  name: "",
  kind: "night_market",
  address: "",
  district: "",
  street: "",
  shape: "circle",
  center: null,
  radiusM: "100",
  vertices: [],
  seasons: [],
  windows: [{ weekday: 4, open: "18:00", close: "02:00" }],
  exceptions: [],
  goodsAllowed: "",
  goodsForbidden: "",
  stalls: "",
  fees: "",
  vendorsRegister: false,
  managingUnit: "",
  contactPhone: "",
};

export function draftOf(z: MarketZoneDetail): ZoneDraft {
  const area = z.area;
  return {
    name: z.name,
    kind: z.kind,
    address: z.address,
    district: z.district,
    street: z.street,
    shape: area.shape,
    center: area.shape === "circle" ? area.center : null,
    radiusM: area.shape === "circle" ? String(area.radiusM) : "100",
    vertices: area.shape === "polygon" ? area.ring.slice(0, -1).map(([lng, lat]) => ({ lat, lng })) : [],
    seasons: z.seasons.map((s) => ({ ...s })),
    windows: z.windows.map((w) => ({ ...w })),
    exceptions: z.exceptions.map((e) => ({ ...e })),
    goodsAllowed: z.goodsAllowed.join("、"),
    goodsForbidden: z.goodsForbidden.join("、"),
    stalls: z.stalls === null ? "" : String(z.stalls),
    fees: z.fees,
    vendorsRegister: z.vendorsRegister,
    managingUnit: z.managingUnit,
    contactPhone: z.contactPhone,
  };
}

/** The area drawn so far, or null while a circle has no centre or a polygon fewer than three corners. */
export function draftArea(d: ZoneDraft): ZoneArea | null {
  if (d.shape === "circle") return d.center ? { shape: "circle", center: d.center, radiusM: Math.round(Number(d.radiusM) || 0) } : null;
  if (d.vertices.length < 3) return null;
  const ring = d.vertices.map((p): [number, number] => [p.lng, p.lat]);
  return { shape: "polygon", ring: [...ring, ring[0] as [number, number]] };
}

/** A window whose close is not after its open runs past midnight (18:00–02:00 closes on the next day). */
export const crossesMidnight = (w: WindowDraft) => /^\d\d:\d\d$/.test(w.open) && /^\d\d:\d\d$/.test(w.close) && w.close <= w.open;

const list = (text: string) =>
  text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

const numberOrText = (v: string): number => (v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : (v as unknown as number));

export function bodyOf(d: ZoneDraft): MarketZoneInput {
  return {
    name: d.name.trim(),
    kind: d.kind,
    // An unfinished area goes as it is: the server's 422 says what is missing under the map.
    area: (draftArea(d) ?? { shape: d.shape }) as ZoneArea,
    address: d.address.trim(),
    district: d.district,
    street: d.street.trim(),
    seasons: d.seasons,
    windows: d.windows,
    exceptions: d.exceptions,
    goodsAllowed: list(d.goodsAllowed),
    goodsForbidden: list(d.goodsForbidden),
    stalls: d.stalls.trim() === "" ? null : numberOrText(d.stalls),
    fees: d.fees.trim(),
    vendorsRegister: d.vendorsRegister,
    managingUnit: d.managingUnit.trim(),
    contactPhone: d.contactPhone.trim(),
  };
}
