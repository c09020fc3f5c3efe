import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { seedCategoriesIfEmpty } from "@civic/api/seed/demo";
import { seedDemoReportsIfEmpty } from "@civic/api/seed/demo-reports";
import { TRANSITIONS } from "@civic/shared";
import { describe, expect, it } from "vitest";

/* The seeded demo cases obey the same lifecycle rules as real ones, and give the dashboard something to show. */

describe("demo reports", () => {
  it("seeds cases at every stage, each with a complete, legal history", async () => {
    const { sqlite, db, atomic } = openSqlite(":memory:");
    expect(await seedCategoriesIfEmpty(db, atomic)).toBeGreaterThanOrEqual(25);
    const now = new Date("2026-11-27T04:00:00.000Z");
    expect(await seedDemoReportsIfEmpty(db, atomic, now)).toBe(80);
    expect(await seedDemoReportsIfEmpty(db, atomic, now)).toBe(0);

    const reports = sqlite.prepare("select id, status, version, accepted_at, closed_at, created_at from reports").all() as {
      id: string;
      status: string;
      version: number;
      accepted_at: string | null;
      closed_at: string | null;
      created_at: string;
    }[];
    expect(new Set(reports.map((r) => r.status))).toEqual(
      new Set(["submitted", "accepted", "dispatched", "resolved", "closed", "rejected"]),
    );
    const history = sqlite
      .prepare("select report_id, seq, action, from_status, to_status, at from report_history order by report_id, seq")
      .all() as {
      report_id: string;
      seq: number;
      action: string;
      from_status: string | null;
      to_status: string;
      at: string;
    }[];
    for (const r of reports) {
      const rows = history.filter((h) => h.report_id === r.id);
      expect(rows.map((h) => h.seq)).toEqual(Array.from({ length: r.version }, (_, i) => i + 1));
      expect(rows[0]).toMatchObject({ action: "submit", from_status: null, to_status: "submitted", at: r.created_at });
      for (let i = 1; i < rows.length; i++) {
        const h = rows[i]!;
        expect(h.from_status).toBe(rows[i - 1]!.to_status);
        expect(h.at >= rows[i - 1]!.at).toBe(true);
        if (h.action !== "rate") {
          expect(TRANSITIONS[h.action as keyof typeof TRANSITIONS].from).toContain(h.from_status);
          expect(TRANSITIONS[h.action as keyof typeof TRANSITIONS].to).toBe(h.to_status);
        }
      }
      expect(rows.at(-1)!.to_status).toBe(r.status);
      expect(rows.at(-1)!.at <= now.toISOString()).toBe(true);
      if (r.status === "closed") expect(r.closed_at && r.accepted_at).toBeTruthy();
    }
  });
});
