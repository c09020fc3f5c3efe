/*
 * Phone numbers are personal data: logs, metrics and kept rows carry only the masked form.
 */

/** 13812341234 / +8613812341234 → 138****1234 (the country code is dropped; short numbers keep only their last 2). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  const national = digits.length === 13 && digits.startsWith("86") ? digits.slice(2) : digits;
  if (national.length >= 7) return `${national.slice(0, 3)}****${national.slice(-4)}`;
  return `****${national.slice(-2)}`;
}

/** A mainland mobile number as Tencent Cloud wants it (E.164): 13812341234 → +8613812341234. */
export function e164(phone: string): string {
  const digits = phone.replace(/[\s-]/g, "");
  if (digits.startsWith("+")) return digits;
  if (digits.startsWith("86") && digits.length === 13) return `+${digits}`;
  return `+86${digits}`;
}
