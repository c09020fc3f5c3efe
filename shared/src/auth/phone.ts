import { z } from "zod";

/*
 * The weapp's phone-number button (`<Button open-type="getPhoneNumber">`) hands the page a one-time code;
 * POST /api/v1/me/phone-number exchanges it through WeChat for the number the user bound to WeChat. The
 * number is answered, not stored: the page puts it in the form it is filling (e.g. a pickup's contact phone).
 */
export const PhoneNumberRequest = z.strictObject({ code: z.string().min(1).max(128) }).meta({ id: "PhoneNumberRequest" });
export type PhoneNumberRequest = z.infer<typeof PhoneNumberRequest>;

export const PhoneNumberResponse = z
  .object({
    /** Without the country code (WeChat's purePhoneNumber). */
    phone: z.string(),
    countryCode: z.string(),
  })
  .meta({ id: "PhoneNumberResponse" });
export type PhoneNumberResponse = z.infer<typeof PhoneNumberResponse>;
