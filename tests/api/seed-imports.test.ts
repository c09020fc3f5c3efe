import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The city is configuration in shared/src/city; the demo seed only fills a database. Nothing under
 * api/src outside api/src/seed may import the seed (statically, dynamically or by re-export).
 */
const apiSrc = resolve(dirname(fileURLToPath(import.meta.url)), "../../api/src");
const seedDir = join(apiSrc, "seed");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === seedDir ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** Every module specifier in `from "..."`, `import("...")`, `require("...")` and bare `import "..."`. */
function specifiersOf(source: string): string[] {
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["'`]([^"'`]+)["'`]/g;
  return [...source.matchAll(re)].map((m) => m[1] as string);
}

const intoSeed = (file: string, spec: string): boolean => {
  if (/^@civic\/api\/seed(\/|$)/.test(spec)) return true;
  if (!spec.startsWith(".")) return false;
  const target = resolve(dirname(file), spec);
  return target === seedDir || target.startsWith(`${seedDir}/`);
};

describe("api/src and the demo seed", () => {
  it("has no file outside api/src/seed that imports from the seed", () => {
    const files = sourceFiles(apiSrc);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) =>
      specifiersOf(readFileSync(file, "utf8"))
        .filter((spec) => intoSeed(file, spec))
        .map((spec) => `${relative(apiSrc, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("would notice each way of importing the seed", () => {
    const file = join(apiSrc, "reports", "x.ts");
    const caught = (source: string) => specifiersOf(source).some((spec) => intoSeed(file, spec));
    expect(caught(`import { SUZHOU_AREAS } from "../seed/suzhou";`)).toBe(true);
    expect(caught(`export * from "../seed";`)).toBe(true);
    expect(caught(`const m = await import("../seed/demo");`)).toBe(true);
    expect(caught(`import "../seed/demo";`)).toBe(true);
    expect(caught(`import { x } from "@civic/api/seed/demo";`)).toBe(true);
    expect(caught(`import { SUZHOU_CITY } from "@civic/shared";\nimport { y } from "../seeds-of-doubt";`)).toBe(false);
  });
});
