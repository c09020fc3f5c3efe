import { describe, expect, it } from "vitest";
import { CheckBatchRequest, CheckInput, checkTimeVerdict } from "./checks";

const base = { id: "3f2b8c1e-4d5a-4b6c-9d7e-1a2b3c4d5e6f", binRoomCode: "r1", code: "x", checkedAt: "2026-12-01T08:00:00.000Z" };

describe("sorting checks", () => {
  it("bounds a check's time by a small skew ahead and 72 h behind", () => {
    const now = new Date("2026-12-01T08:00:00.000Z");
    expect(checkTimeVerdict(new Date("2026-12-01T08:04:00.000Z"), now)).toEqual({ ok: true });
    expect(checkTimeVerdict(new Date("2026-12-01T08:06:00.000Z"), now)).toEqual({ ok: false, reason: "in_future" });
    expect(checkTimeVerdict(new Date("2026-11-28T08:01:00.000Z"), now)).toEqual({ ok: true });
    expect(checkTimeVerdict(new Date("2026-11-28T07:59:00.000Z"), now)).toEqual({ ok: false, reason: "too_old" });
  });
  it("a correct bag names no errors, an incorrect one at least one", () => {
    expect(CheckInput.safeParse({ ...base, correct: true }).success).toBe(true);
    expect(CheckInput.safeParse({ ...base, correct: true, errors: ["hazardous_mixed"] }).success).toBe(false);
    expect(CheckInput.safeParse({ ...base, correct: false }).success).toBe(false);
    expect(CheckInput.safeParse({ ...base, correct: false, errors: ["hazardous_mixed"] }).success).toBe(true);
  });
  it("needs exactly one room reference and unique ids in a batch", () => {
    expect(CheckInput.safeParse({ ...base, binRoomId: "b", correct: true }).success).toBe(false);
    expect(
      CheckBatchRequest.safeParse({
        checks: [
          { ...base, correct: true },
          { ...base, correct: true },
        ],
      }).success,
    ).toBe(false);
  });
});
