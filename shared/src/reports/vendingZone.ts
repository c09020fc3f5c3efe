import { z } from "zod";

/** How a street-vending report stands to the vending zones open when it was filed (null: not judged). */
export const VENDING_ZONE_FLAGS = ["within_open_zone", "near_open_zone"] as const;
export const VendingZoneFlag = z.enum(VENDING_ZONE_FLAGS);
export type VendingZoneFlag = z.infer<typeof VendingZoneFlag>;

export const VENDING_ZONE_FLAG_LABELS: Record<VendingZoneFlag, string> = {
  within_open_zone: "在营业摊区内",
  near_open_zone: "临近营业摊区",
};
