import type { LotType, OpeningHours, ParkingAdminLot, ParkingLotInput, ParkingLotUpdate } from "@civic/shared";
import { type HoursDraft, hoursOf } from "./HoursEditor";
import { weekTexts } from "./hoursText";

/*
 * The lot form's state as typed (strings), and the API body it becomes. A number that does not read as
 * one is sent as typed, so the API's 422 names the field; the form never second-guesses the schema.
 */

export interface LotDraft {
  name: string;
  type: LotType;
  address: string;
  district: string;
  lat: string;
  lng: string;
  total: string;
  disabled: string;
  charging: string;
  shared: string;
  feeText: string;
  hasRate: boolean;
  freeMinutes: string;
  firstHourYuan: string;
  perHourYuan: string;
  dailyCapYuan: string;
  hours: HoursDraft;
  hasSharedHours: boolean;
  sharedHours: HoursDraft;
  operatorId: string | null;
  operatorLotId: string;
  licence: string;
  active: boolean;
}

const str = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
const hoursDraft = (h: OpeningHours | null): HoursDraft => ({ kind: h?.kind ?? "always", texts: weekTexts(h) });

export function draftOf(lot: ParkingAdminLot | null): LotDraft {
  const rate = lot?.fees.rate ?? null;
  return {
    name: lot?.name ?? "",
    type: lot?.type ?? "underground",
    address: lot?.address ?? "",
    district: lot?.district ?? "",
    lat: str(lot?.lat),
    lng: str(lot?.lng),
    total: str(lot?.capacity.total),
    disabled: str(lot?.capacity.disabled ?? 0),
    charging: str(lot?.capacity.charging ?? 0),
    shared: str(lot?.capacity.shared ?? 0),
    feeText: lot?.fees.text ?? "",
    hasRate: rate !== null,
    freeMinutes: str(rate?.freeMinutes ?? 0),
    firstHourYuan: str(rate?.firstHourYuan),
    perHourYuan: str(rate?.perHourYuan),
    dailyCapYuan: str(rate?.dailyCapYuan),
    hours: hoursDraft(lot?.hours ?? { kind: "always" }),
    hasSharedHours: (lot?.sharedHours ?? null) !== null,
    sharedHours: hoursDraft(lot?.sharedHours ?? { kind: "weekly", days: [[], [], [], [], [], [], []] }),
    operatorId: lot?.source.operatorId ?? null,
    operatorLotId: lot?.operatorLotId ?? "",
    licence: lot?.licence ?? "",
    active: lot?.active ?? true,
  };
}

/** A number as typed: the number when it reads as one, else the text (for the API's 422). */
const num = (s: string): number => {
  const t = s.trim();
  return (t !== "" && !Number.isNaN(Number(t)) ? Number(t) : t) as number;
};

export type DraftOutcome = { ok: true; input: ParkingLotInput } | { ok: false; badHours: number[]; badSharedHours: number[] };

export function inputOf(d: LotDraft): DraftOutcome {
  const hours = hoursOf(d.hours);
  const sharedHours = d.hasSharedHours ? hoursOf(d.sharedHours) : ({ ok: true, hours: null } as const);
  if (!hours.ok || !sharedHours.ok) {
    return { ok: false, badHours: hours.ok ? [] : hours.badDays, badSharedHours: sharedHours.ok ? [] : sharedHours.badDays };
  }
  return {
    ok: true,
    input: {
      name: d.name.trim(),
      type: d.type,
      address: d.address.trim(),
      district: d.district,
      lat: num(d.lat),
      lng: num(d.lng),
      capacity: { total: num(d.total), disabled: num(d.disabled), charging: num(d.charging), shared: num(d.shared) },
      fees: {
        text: d.feeText.trim(),
        rate: d.hasRate
          ? {
              freeMinutes: num(d.freeMinutes),
              firstHourYuan: num(d.firstHourYuan),
              perHourYuan: num(d.perHourYuan),
              dailyCapYuan: d.dailyCapYuan.trim() === "" ? null : num(d.dailyCapYuan),
            }
          : null,
      },
      hours: hours.hours,
      sharedHours: sharedHours.hours,
      operatorId: d.operatorId,
      operatorLotId: d.operatorLotId.trim() === "" ? null : d.operatorLotId.trim(),
      licence: d.licence.trim(),
    },
  };
}

/** Only what differs from the lot as loaded, so the audit shows exactly what changed. */
export function changesOf(lot: ParkingAdminLot, input: ParkingLotInput, active: boolean): ParkingLotUpdate {
  const before: Record<string, unknown> = { ...inputOfLot(lot) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (JSON.stringify(v) !== JSON.stringify(before[k])) out[k] = v;
  if (active !== lot.active) out.active = active;
  return out as ParkingLotUpdate;
}

function inputOfLot(lot: ParkingAdminLot): ParkingLotInput {
  return {
    name: lot.name,
    type: lot.type,
    address: lot.address,
    district: lot.district,
    lat: lot.lat,
    lng: lot.lng,
    capacity: lot.capacity,
    fees: lot.fees,
    hours: lot.hours,
    sharedHours: lot.sharedHours,
    operatorId: lot.source.operatorId,
    operatorLotId: lot.operatorLotId,
    licence: lot.licence,
  };
}
