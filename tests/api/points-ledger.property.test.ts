import { openSqlite } from "@civic/api/hosts/node/sqlite";
import { awardStatement, balanceOf, reversalStatement, settle, spendStatement } from "@civic/api/points/ledger";
import { DEFAULT_POINTS_CAPS, type EarningKind, expiringPoints } from "@civic/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/*
 * The ledger's invariants on a real SQLite file's engine: any sequence of earns (some replayed, some by
 * the account itself, some over the day's cap), spends, reversals and expiries keeps every balance equal
 * to the sum of its entries and never below zero, and no source key twice. Replays answer the first entry.
 * (The same statements run on D1 in the workerd layer through the points contract suites.)
 */

const ACCOUNTS = ["a1", "a2", "a3"] as const;
const ACTORS = ["v1", "a1"] as const;

function freshDb() {
  const opened = openSqlite(":memory:");
  for (const id of [...ACCOUNTS, "v1"]) {
    opened.sqlite.prepare("insert into users (id, openid, created_at) values (?, ?, ?)").run(id, `o-${id}`, "2026-01-01T00:00:00.000Z");
  }
  return opened;
}

type Op =
  | { t: "earn"; account: string; actor: string | null; kind: EarningKind; amount: number; source: number; day: number }
  | { t: "spend"; account: string; cost: number; source: number; day: number }
  | { t: "reverse"; pick: number; day: number }
  | { t: "expire"; account: string; day: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant("earn" as const),
    account: fc.constantFrom(...ACCOUNTS),
    actor: fc.constantFrom(null, ...ACTORS),
    kind: fc.constantFrom<EarningKind>("sorting_check", "weigh_in", "quiz"),
    amount: fc.integer({ min: 0, max: 30 }),
    source: fc.integer({ min: 0, max: 12 }),
    day: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    t: fc.constant("spend" as const),
    account: fc.constantFrom(...ACCOUNTS),
    cost: fc.integer({ min: 1, max: 40 }),
    source: fc.integer({ min: 0, max: 6 }),
    day: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ t: fc.constant("reverse" as const), pick: fc.nat(), day: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ t: fc.constant("expire" as const), account: fc.constantFrom(...ACCOUNTS), day: fc.integer({ min: 1, max: 3 }) }),
);

const dayOf = (d: number) => `2026-03-0${d + 1}`;
const atOf = (d: number, seq: number) => `${dayOf(d)}T0${d}:00:${String(seq % 60).padStart(2, "0")}.${String(seq).padStart(3, "0")}Z`;

describe("points ledger invariants (SQLite)", () => {
  it("keeps balance = sum >= 0, one entry per source, caps, no self-award, replays answering the first", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
        const { sqlite, db, atomic } = freshDb();
        let seq = 0;
        for (const op of ops) {
          seq++;
          const id = `e${seq}`;
          const at = atOf(op.day, seq);
          const day = dayOf(op.day);
          if (op.t === "earn") {
            const sourceKey = `${op.kind}:${op.account}:${op.source}`;
            const before = await settle(db, sourceKey, id);
            const cap = DEFAULT_POINTS_CAPS[op.kind];
            await atomic([
              awardStatement(db, {
                id,
                accountId: op.account,
                actorId: op.actor,
                kind: op.kind,
                amount: op.amount,
                cap,
                sourceKey,
                rule: "test",
                day,
                at,
                reason: "test",
              }),
            ]);
            const after = await settle(db, sourceKey, id);
            if (before.status !== "refused") expect(after).toEqual({ status: "replayed", entry: before.entry });
            else if (op.actor === op.account) expect(after.status).toBe("refused");
            else expect(after.status).toBe("created");
          } else if (op.t === "spend") {
            const sourceKey = `redeem:${op.account}:${op.source}`;
            const balance = await balanceOf(db, op.account);
            const before = await settle(db, sourceKey, id);
            await atomic([
              spendStatement(db, {
                id,
                accountId: op.account,
                kind: "redemption",
                cost: op.cost,
                sourceKey,
                rule: "test",
                day,
                at,
                reason: "test",
              }),
            ]);
            const after = await settle(db, sourceKey, id);
            if (before.status !== "refused") expect(after.status).toBe("replayed");
            else expect(after.status).toBe(balance >= op.cost ? "created" : "refused");
          } else if (op.t === "reverse") {
            const rows = sqlite.prepare("select id from points_entries order by id").all() as { id: string }[];
            const target = rows.length ? (rows[op.pick % rows.length] as { id: string }).id : "none";
            await atomic([reversalStatement(db, { id, entryId: target, rule: "test", day, at, reason: "test" })]);
          } else {
            const entries = sqlite
              .prepare("select amount, kind, at from points_entries where account_id = ? order by at")
              .all(op.account) as {
              amount: number;
              kind: string;
              at: string;
            }[];
            const amount = expiringPoints(entries, `${dayOf(op.day)}T00:00:00.000Z`);
            if (amount > 0) {
              await atomic([
                spendStatement(db, {
                  id,
                  accountId: op.account,
                  kind: "expiry",
                  cost: amount,
                  sourceKey: `expire:${op.account}:${day}`,
                  rule: "test",
                  day,
                  at,
                  reason: "test",
                }),
              ]);
            }
          }
        }
        // Invariants.
        const sums = sqlite.prepare("select account_id as a, sum(amount) as s from points_entries group by account_id").all() as {
          a: string;
          s: number;
        }[];
        for (const { a, s } of sums) {
          expect(await balanceOf(db, a)).toBe(s);
          expect(s).toBeGreaterThanOrEqual(0);
        }
        const dup = sqlite.prepare("select count(*) - count(distinct source_key) as d from points_entries").get() as { d: number };
        expect(dup.d).toBe(0);
        const self = sqlite.prepare("select count(*) as n from points_entries where actor_id = account_id").get() as { n: number };
        expect(self.n).toBe(0);
        const overCap = sqlite
          .prepare(
            "select account_id, kind, day, sum(amount) as s from points_entries where kind = 'sorting_check' and amount > 0 group by 1, 2, 3 having s > ?",
          )
          .all(DEFAULT_POINTS_CAPS.sorting_check.perAccountDay);
        expect(overCap).toEqual([]);
        const twice = sqlite
          .prepare("select count(*) as n from points_entries where reverses_id is not null group by reverses_id having n > 1")
          .all();
        expect(twice).toEqual([]);
        sqlite.close();
      }),
      { numRuns: 60 },
    );
  });

  it("refuses edits and deletes of entries (append-only) and an overdraft even past the guards", async () => {
    const { sqlite, db, atomic } = freshDb();
    await atomic([
      awardStatement(db, {
        id: "x1",
        accountId: "a1",
        kind: "quiz",
        amount: 3,
        cap: DEFAULT_POINTS_CAPS.quiz,
        sourceKey: "quiz:a1:d",
        rule: "t",
        day: "2026-03-01",
        at: "2026-03-01T01:00:00.000Z",
        reason: "t",
      }),
    ]);
    expect(() => sqlite.prepare("update points_entries set amount = 100").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from points_entries").run()).toThrow(/append-only/);
    expect(() =>
      sqlite
        .prepare(
          "insert into points_entries (id, account_id, amount, kind, source_key, rule, day, at, reason) values ('x2','a1',-4,'redemption','r','t','d','t','t')",
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(await balanceOf(db, "a1")).toBe(3);
    sqlite.close();
  });
});
