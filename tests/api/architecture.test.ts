import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/paths";

/*
 * The import picture ARCHITECTURE.md draws, checked on the source itself: shared imports no host and no
 * other package; api core never reaches into a host or a driver; platform/ knows no domain. (The demo seed:
 * seed-imports.test.ts.)
 */

/** Domain folders; auth is not among them for platform/ (an upload route needs to know its caller). */
const DOMAINS = ["finders", "reports", "open311", "me", "pickups", "recycling", "parking", "night-markets"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every relative import resolved to a repo path, and every bare package import, of one file. */
function importsOf(file: string): { relative: string[]; bare: string[] } {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:import|export)\s[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? "",
  );
  return {
    relative: specs.filter((s) => s.startsWith(".")).map((s) => relative(repoRoot, resolve(dirname(file), s))),
    bare: specs.filter((s) => !s.startsWith(".")),
  };
}

const violations = (files: string[], bad: (imp: { relative: string[]; bare: string[] }, file: string) => string[]) =>
  files.flatMap((f) => bad(importsOf(f), relative(repoRoot, f)).map((what) => `${relative(repoRoot, f)} → ${what}`));

const apiSrc = join(repoRoot, "api", "src");
const apiFiles = sourceFiles(apiSrc);
const inside = (file: string, folder: string) => relative(repoRoot, file).startsWith(`api/src/${folder}/`);

describe("the import picture", () => {
  it("shared imports no host, no driver, no other workspace package and no Node built-in", () => {
    const files = sourceFiles(join(repoRoot, "shared", "src"));
    expect(
      violations(files, ({ relative: rel, bare }) => [
        ...rel.filter((r) => !r.startsWith("shared/")),
        ...bare.filter((b) => b.startsWith("@civic/") || b.startsWith("node:") || /sqlite|drizzle|hono/.test(b)),
      ]),
    ).toEqual([]);
  });

  it("api core never imports a host (the demo seed's command line is tooling, like a host)", () => {
    const core = apiFiles.filter((f) => !inside(f, "hosts") && !inside(f, "seed"));
    expect(violations(core, ({ relative: rel }) => rel.filter((r) => r.startsWith("api/src/hosts")))).toEqual([]);
  });

  it("handlers and repositories never import a database driver", () => {
    const core = apiFiles.filter((f) => !inside(f, "hosts") && !inside(f, "seed"));
    expect(violations(core, ({ bare }) => bare.filter((b) => /better-sqlite3|drizzle-orm\/(d1|better-sqlite3)/.test(b)))).toEqual([]);
  });

  it("platform/ knows no domain", () => {
    const platform = apiFiles.filter((f) => inside(f, "platform"));
    expect(violations(platform, ({ relative: rel }) => rel.filter((r) => DOMAINS.some((d) => r.startsWith(`api/src/${d}/`))))).toEqual([]);
  });
});
