import { auditLog, uploadAttachments, uploads, users } from "@civic/api/db/schema";
import { ApiError } from "@civic/api/platform/errors";
import {
  attachStatements,
  attachUploads,
  checkUploadsUsable,
  detachUploadsStatement,
  uploadsFoundRisky,
  whenUploadsRisky,
} from "@civic/api/platform/uploads/attach";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWechat, startFakeWechat } from "../fakes/wechat";
import { createNodeHarness } from "./node-harness";

/** platform/uploads/attach.ts: one owner per upload, for any kind of object (here a made-up 'pickup'). */
let wechat: FakeWechat;
beforeAll(async () => {
  wechat = await startFakeWechat();
});
afterAll(async () => {
  await wechat.close();
});

const NOW = "2026-11-26T10:00:00.000Z";

async function setup() {
  const node = createNodeHarness(wechat, { nearbyInMemory: false });
  await node.db.insert(users).values([
    { id: "u-1", openid: "o-1", createdAt: NOW },
    { id: "u-2", openid: "o-2", createdAt: NOW },
  ]);
  const upload = (id: string, ownerId: string) => ({
    id,
    ownerId,
    blobKey: `photos/${id}`,
    contentType: "image/jpeg",
    size: 1,
    createdAt: NOW,
  });
  await node.db.insert(uploads).values([upload("up-a", "u-1"), upload("up-b", "u-1"), upload("up-c", "u-2")]);
  const owners = async () => (await node.db.select().from(uploadAttachments)).map((r) => [r.uploadId, r.ownerType, r.ownerId]);
  return { ...node, owners };
}

const problemsOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return { status: (err as ApiError).status, details: (err as ApiError).details };
};

describe("attaching uploads to any domain's object", () => {
  it("attaches a user's own unused uploads to a pickup in the same atomic group as the pickup's rows", async () => {
    const t = await setup();
    const statements = await attachUploads(t.deps, { ownerType: "pickup", ownerId: "p-1", uploadIds: ["up-a", "up-b"], userId: "u-1" });
    await t.atomic(statements);
    expect(await t.owners()).toEqual([
      ["up-a", "pickup", "p-1"],
      ["up-b", "pickup", "p-1"],
    ]);
  });

  it("refuses someone else's upload, an unknown one, a duplicate and one attached already, naming each", async () => {
    const t = await setup();
    await t.atomic(await attachUploads(t.deps, { ownerType: "report", ownerId: "r-1", uploadIds: ["up-a"], userId: "u-1" }));
    const refused = await problemsOf(
      attachUploads(t.deps, { ownerType: "pickup", ownerId: "p-1", uploadIds: ["up-a", "up-c", "nope"], userId: "u-1", field: "photos" }),
    );
    expect(refused).toEqual({
      status: 422,
      details: [
        { path: "photos.0", message: "already attached to a report" },
        { path: "photos.1", message: "no such upload of yours" },
        { path: "photos.2", message: "no such upload of yours" },
      ],
    });
    expect((await problemsOf(checkUploadsUsable(t.deps, { uploadIds: ["up-b", "up-b"], userId: "u-1" }))).status).toBe(422);
  });

  it("two objects claiming one upload at the same moment: the second group fails whole and writes nothing", async () => {
    const t = await setup();
    // Both checked while the upload was unused; the statements run one after the other.
    const first = attachStatements(t.db, { ownerType: "pickup", ownerId: "p-1", uploadIds: ["up-b"], userId: "u-1" });
    const second = attachStatements(t.db, { ownerType: "report", ownerId: "r-2", uploadIds: ["up-a", "up-b"], userId: "u-1" });
    const audit = t.db.insert(auditLog).values({ id: "a-1", action: "x", targetType: "report", targetId: "r-2", at: NOW });
    await t.atomic(first);
    await expect(t.atomic([...second, audit])).rejects.toThrow();
    expect(await t.owners()).toEqual([["up-b", "pickup", "p-1"]]);
    expect(await t.db.select().from(auditLog)).toEqual([]);
  });

  it("detaching an object's uploads makes them unused again; a risky verdict reaches the owning domain", async () => {
    const t = await setup();
    await t.atomic(await attachUploads(t.deps, { ownerType: "pickup", ownerId: "p-1", uploadIds: ["up-a"], userId: "u-1" }));
    const told: unknown[] = [];
    whenUploadsRisky("pickup", async (_db, found) => {
      told.push(...found);
    });
    await uploadsFoundRisky(t.db, ["up-a", "up-b"]);
    expect(told).toEqual([{ uploadId: "up-a", ownerId: "p-1" }]);
    await t.atomic([detachUploadsStatement(t.db, "pickup", "p-1")]);
    expect(await t.owners()).toEqual([]);
    await checkUploadsUsable(t.deps, { uploadIds: ["up-a"], userId: "u-1" });
  });
});
