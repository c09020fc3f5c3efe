import { Text } from "@tarojs/components";

/** The server's 422 message for one field, under its input. */
export function FieldError({ errors, field }: { errors: Record<string, string>; field: string }) {
  const message = errors[field];
  return message ? <Text className={`form-error field-error field-error-${field}`}>{message}</Text> : null;
}
