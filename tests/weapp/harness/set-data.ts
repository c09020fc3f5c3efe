/*
 * WeChat's setData semantics: each key is a data path ("root.cn.[0].cn.[2].v", "list[1].name", "a.b") whose
 * value replaces what is there; missing intermediate objects/arrays are created.
 */

type Container = Record<string, unknown> | unknown[];

export function parseDataPath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const re = /\[(\d+)\]|([^.[\]]+)/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) segments.push(Number(m[1]));
    else if (m[2] !== undefined) segments.push(m[2]);
  }
  return segments;
}

export function applySetData(data: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(patch)) {
    const segments = parseDataPath(path);
    let target: Container = data;
    for (let i = 0; i < segments.length - 1; i++) {
      const key = segments[i] as string | number;
      const next = segments[i + 1];
      const current = (target as Record<string | number, unknown>)[key];
      if (current === null || typeof current !== "object") {
        (target as Record<string | number, unknown>)[key] = typeof next === "number" ? [] : {};
      }
      target = (target as Record<string | number, unknown>)[key] as Container;
    }
    const last = segments[segments.length - 1];
    if (last === undefined) continue;
    (target as Record<string | number, unknown>)[last] = structuredClone(value);
  }
}
