import { z } from "zod";
import { DEFAULT_CITY_NAMES } from "./index";

/** The official name of a district of the configured city, e.g. 苏州工业园区 (toilets, parking lots). */
export const CityDistrictName = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((v) => DEFAULT_CITY_NAMES.districts.some((d) => d.name === v), {
    message: "not the official name of a district of the configured city",
  });
