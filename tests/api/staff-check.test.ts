import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * One staff check (shared/src/auth/staff.ts: isStaff, canModerate, canAdminister). The API and the
 * mini-program ask it instead of testing for the moderator or admin role themselves.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const scanned = ["api/src", "miniapp/src"];

const ROLE_CHECK =
  /\.includes\(\s*["'](moderator|admin)["']\s*\)|===\s*["']moderator["']|hasRole\([^)]*["'](moderator|admin)["']\s*\)|requireRole\([^)]*["'](moderator|admin)["']/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe("the one staff check", () => {
  it("is the only place in the API and the mini-program that tests for the moderator or admin role", () => {
    const offenders = scanned
      .flatMap((dir) => files(join(root, dir)))
      .map((file) => relative(root, file))
      .flatMap((file) =>
        readFileSync(join(root, file), "utf8")
          .split("\n")
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => ROLE_CHECK.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it("recognises the copies it replaced", () => {
    for (const copy of [
      `user.roles.includes("moderator") || user.roles.includes("admin")`,
      `hasRole(session.user, "admin")`,
      `roles.some((r) => r === "moderator" || r === "admin")`,
      `const staffOnly = [requireRole("moderator", "admin")];`,
    ]) {
      expect(ROLE_CHECK.test(copy), copy).toBe(true);
    }
    expect(ROLE_CHECK.test(`if (role === "admin" && id === actor.id) throw conflict("...")`)).toBe(false);
    expect(ROLE_CHECK.test(`const adminOnly = [requireAdmin];`)).toBe(false);
  });
});
