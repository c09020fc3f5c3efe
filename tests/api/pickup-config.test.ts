import { parseAppConfig } from "@civic/api/config";
import { PICKUP_DEFAULTS } from "@civic/shared";
import { describe, expect, it } from "vitest";

describe("pickup settings", () => {
  it("default to the bureau's figures: 5 items, 28 days, 16:00, 14:00 the day before, 6 a year", () => {
    expect(parseAppConfig({ DEV_LOGIN: "1" }).pickups).toEqual(PICKUP_DEFAULTS);
  });

  it("are read from PICKUP_* settings, and a cutoff that is not HH:MM is named as the bad setting", () => {
    const config = parseAppConfig({ DEV_LOGIN: "1", PICKUP_MAX_ITEMS: "8", PICKUP_CUTOFF: "17:30", PICKUP_YEARLY_QUOTA: "4" });
    expect(config.pickups).toMatchObject({ maxItems: 8, cutoff: "17:30", yearlyQuota: 4, windowDays: 28 });
    expect(() => parseAppConfig({ DEV_LOGIN: "1", PICKUP_AMEND_CUTOFF: "2pm" })).toThrow(/PICKUP_AMEND_CUTOFF/);
  });
});
