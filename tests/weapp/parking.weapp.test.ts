import { SessionResponse, User } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { feedKey, issuedKey, LOTS, lotDetail, operator, parkingBody, source } from "../miniapp/parking-fixtures";
import { bootWeapp, textsOf } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, type WxmlElement } from "./harness/wxml";
import { json, routes } from "./report-fixtures";

/* 找停车 in the built weapp: packages/parking (finder, lot) and packages/parking-admin (sources, operators, lots, edit). */

const ADMIN_SESSION = SessionResponse.parse({
  token: "fake-admin-token",
  expiresAt: "2099-01-01T00:00:00.000Z",
  user: User.parse({
    id: "0190a1b2-0000-7000-8000-0000000000cc",
    nickname: "系统管理员",
    roles: ["resident", "admin"],
    createdAt: "2026-09-01T00:00:00.000Z",
  }),
});

const has =
  (cls: string, n = 1) =>
  (t: WxmlElement) =>
    findByClass(t, cls).length >= n && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

const { last24h: _chart, ...adminLot } = lotDetail();

describe("weapp: 找停车", () => {
  it("lists lots near a district with their live lines, and opens a lot with its 24-hour chart", async () => {
    const mp = await bootWeapp({
      onRequest: routes({
        "GET /api/v1/parking/nearby": json(200, parkingBody()),
        "GET /api/v1/parking/lots/lot-many": json(200, lotDetail()),
      }),
    });
    current = mp;
    const finder = await mp.openPage("packages/parking/finder/index");
    finder.tap(findOneByClass(finder.render(), "district-gusu"));
    const tree = await finder.waitFor(has("lot-item", 4), "the lot list");
    expect(textsOf(tree, "lot-name")).toEqual(LOTS.map((l) => l.name));
    expect(textsOf(tree, "lot-live")[0]).toBe("剩余 23 个 · 3 分钟前");
    expect(textsOf(tree, "lot-live")[3]).toBe("余位未知 · 最后上报 2 小时前");

    const lot = await mp.openPage("packages/parking/lot/index", { id: "lot-many" });
    const lotTree = await lot.waitFor(has("occupancy-bar", 24), "the chart");
    expect(findByClass(lotTree, "is-gap")).toHaveLength(2);
    expect(textsOf(lotTree, "lot-live")).toEqual(["剩余 23 个 · 3 分钟前"]);
  });

  it("opens the bureau's sources, operators (a key issued once), lots and a lot's form for an admin", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": ADMIN_SESSION },
      onRequest: routes({
        "GET /api/v1/admin/parking/sources": json(200, {
          sources: [source(), source({ operatorId: "op-2", name: "园区停车", state: "failing" })],
        }),
        "GET /api/v1/admin/parking/operators": json(200, { operators: [operator()] }),
        "GET /api/v1/admin/parking/operators/op-1/keys": json(200, { keys: [feedKey()] }),
        "POST /api/v1/admin/parking/operators/op-1/keys": json(201, issuedKey()),
        "GET /api/v1/admin/parking/lots": json(200, { lots: [{ ...adminLot, operatorLotId: "GS-1", licence: "" }] }),
        "GET /api/v1/admin/parking/lots/lot-many": json(200, { ...adminLot, operatorLotId: "GS-1", licence: "" }),
      }),
    });
    current = mp;
    const sources = await mp.openPage("packages/parking-admin/sources/index");
    const sourcesTree = await sources.waitFor(has("source-row", 2), "the sources");
    expect(textsOf(sourcesTree, "source-state")).toEqual(["正常", "异常"]);

    const operators = await mp.openPage("packages/parking-admin/operators/index");
    const opTree = await operators.waitFor(has("operator-row"), "the operators");
    operators.tap(findOneByClass(opTree, "operator-row"));
    const keysTree = await operators.waitFor(has("key-row"), "the keys");
    operators.tap(findOneByClass(keysTree, "key-issue"));
    const once = await operators.waitFor(has("key-once"), "the new key");
    expect(textsOf(once, "key-once__value")).toEqual(["s3cr3t-shown-once"]);

    const lots = await mp.openPage("packages/parking-admin/lots/index");
    const lotsTree = await lots.waitFor(has("lot-row"), "the lots");
    expect(textsOf(lotsTree, "lot-row__name")).toEqual(["观前街地下停车场"]);

    const edit = await mp.openPage("packages/parking-admin/lots/edit", { id: "lot-many" });
    await edit.waitFor(has("lot-form"), "the lot form");
  });
});
