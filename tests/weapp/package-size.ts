import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Bytes of every file in the build outside the subpackage roots, i.e. what WeChat counts as the main package. */
export function mainPackageBytes(distDir: string, subpackageRoots: string[]): { bytes: number; files: number } {
  const roots = subpackageRoots.map((r) => r.replace(/^\/+|\/+$/g, ""));
  let bytes = 0;
  let files = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(distDir, full).split("\\").join("/");
      if (roots.some((r) => rel === r || rel.startsWith(`${r}/`))) continue;
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith(".map")) {
        bytes += statSync(full).size;
        files++;
      }
    }
  };
  walk(distDir);
  return { bytes, files };
}
