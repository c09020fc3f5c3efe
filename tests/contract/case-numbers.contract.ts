import { describe, expect, it } from "vitest";
import { call, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport, reportBody, staffActs, uploadPhoto } from "./report-fixtures";

/*
 * 案件编号: a short number per city day (Asia/Shanghai), assigned inside the report's INSERT. Residents,
 * staff, the inbox and Open311 all name a case by it; the UUID stays the id.
 */

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
type Json = any;

export function registerCaseNumbersContract(getHarness: GetHarness) {
  describe("case numbers (案件编号)", () => {
    it("20 residents filing at the same moment get the city day's numbers 0001 to 0020, each once", async () => {
      const h = getHarness();
      h.setNow("2026-12-01T02:00:00.000Z");
      await createCategories(h);
      const residents = await Promise.all(Array.from({ length: 20 }, (_, i) => loginAs(h, `numbered-${i}`)));
      const photos = await Promise.all(residents.map((r) => uploadPhoto(h, r.token)));
      const filed = await Promise.all(
        residents.map((r, i) => call(h, "POST", "/api/v1/reports", { token: r.token, body: reportBody([photos[i] as string]) })),
      );
      expect(filed.map((f) => f.status)).toEqual(Array(20).fill(201));
      const numbers = filed.map((f) => f.json.caseNumber as string).sort();
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `20261201-${String(i + 1).padStart(4, "0")}`));
      // The resident's own list names the case by the same number.
      const first = residents[0] as { token: string };
      const mine = await call(h, "GET", "/api/v1/reports/mine", { token: first.token });
      expect(mine.json.reports[0].caseNumber).toBe(filed[0]?.json.caseNumber);
    });

    it("numbering starts again at 0001 when the city's day turns at 16:00 UTC, not at UTC midnight", async () => {
      const h = getHarness();
      await createCategories(h);
      const resident = await loginAs(h, "night-owl");
      h.setNow("2026-12-01T15:59:30.000Z");
      const late = [await fileReport(h, resident.token), await fileReport(h, resident.token)];
      h.setNow("2026-12-01T16:00:30.000Z");
      const early = await fileReport(h, resident.token);
      h.setNow("2026-12-02T15:00:00.000Z");
      const sameCityDay = await fileReport(h, resident.token);
      expect(late.map((r: Json) => r.caseNumber)).toEqual(["20261201-0001", "20261201-0002"]);
      expect(early.caseNumber).toBe("20261202-0001");
      expect(sameCityDay.caseNumber).toBe("20261202-0002");
    });

    it("the receipt carries the first-response due time: filing plus the category's SLA hours", async () => {
      const h = getHarness();
      h.setNow("2026-12-01T02:00:00.000Z");
      await createCategories(h);
      const resident = await loginAs(h, "receipt-reader");
      const report = await fileReport(h, resident.token, { category: "shared_bike" });
      expect(report.status).toBe("submitted");
      expect(report.slaDueAt).toBe("2026-12-01T14:00:00.000Z");
    });

    it("staff's queue, the inbox message and Open311 name the case by its number", async () => {
      const h = getHarness();
      h.setNow("2026-12-01T02:00:00.000Z");
      await createCategories(h);
      const resident = await loginAs(h, "named-case");
      const mod = await loginAs(h, "numbering-mod", "moderator");
      const report = await fileReport(h, resident.token);
      expect(report.caseNumber).toBe("20261201-0001");
      const queue = await call(h, "GET", "/api/v1/moderation/reports", { token: mod.token });
      expect(queue.json.reports.find((r: Json) => r.id === report.id).caseNumber).toBe("20261201-0001");
      const staffView = await call(h, "GET", `/api/v1/moderation/reports/${report.id}`, { token: mod.token });
      expect(staffView.json.caseNumber).toBe("20261201-0001");
      await staffActs(h, mod.token, report.id, [["accept", {}]]);
      await h.wechat.dispatch();
      const inbox = await call(h, "GET", "/api/v1/inbox", { token: resident.token });
      expect(inbox.json.messages[0].body).toContain("20261201-0001");
      const open311 = await call(h, "GET", `/open311/v2/requests/${report.id}.json`);
      expect(open311.json[0].service_request_id).toBe(report.id);
      expect(open311.json[0].service_notice).toContain("案件编号 20261201-0001");
      // The public sees the number of an accepted case too (it is not personal).
      const pub = await call(h, "GET", `/api/v1/reports/${report.id}`);
      expect(pub.json.caseNumber).toBe("20261201-0001");
    });
  });
}
