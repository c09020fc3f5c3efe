import { describe, expect, it } from "vitest";
import { ROLES } from "./schemas";
import { canAdminister, canModerate, isStaff } from "./staff";

const user = (...roles: (typeof ROLES)[number][]) => ({ roles: ["resident", ...roles] });

describe("the one staff check", () => {
  it("counts moderators and admins as staff, and nobody else", () => {
    expect(ROLES.filter((r) => isStaff(user(r)))).toEqual(["moderator", "admin"]);
    expect(ROLES.filter((r) => canModerate(user(r)))).toEqual(["moderator", "admin"]);
  });

  it("lets only admins administer", () => {
    expect(ROLES.filter((r) => canAdminister(user(r)))).toEqual(["admin"]);
  });

  it("answers no for a signed-out visitor", () => {
    for (const check of [isStaff, canModerate, canAdminister]) {
      expect(check(null)).toBe(false);
      expect(check(undefined)).toBe(false);
    }
  });
});
