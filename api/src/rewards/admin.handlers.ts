import type { RewardPatch } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { ApiError, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { attachStatements, checkUploadsUsable, detachUploadsStatement } from "../platform/uploads/attach";
import { type RewardRow, rewardsRepo } from "./rewards.repo";
import type { adminCreateReward, adminListRewards, adminPatchReward, adminRewardById, adminRewardRedemptions } from "./rewards.routes";
import { householdLabels, toAdminReward } from "./views";

/*
 * The admin's catalogue. An edit carries the version the admin saw: two admins on one screen → the second
 * gets 409 stale_version with the reward as it is now. The picture is an upload attached to the reward
 * (owner type "reward"); changing it detaches the old one in the same group.
 */

export const REWARD_PICTURES = "reward";

async function adminView(deps: AppDeps, r: RewardRow) {
  const collected = (await rewardsRepo(deps.db).collectedCounts([r.id])).get(r.id) ?? 0;
  return toAdminReward(deps, r, collected);
}

export const adminListRewardsHandler: AppRouteHandler<typeof adminListRewards> = async (c) => {
  const deps = c.get("deps");
  const repo = rewardsRepo(deps.db);
  const rows = await repo.all();
  const collected = await repo.collectedCounts(rows.map((r) => r.id));
  return c.json({ rewards: await Promise.all(rows.map((r) => toAdminReward(deps, r, collected.get(r.id) ?? 0))) }, 200);
};

export const adminRewardByIdHandler: AppRouteHandler<typeof adminRewardById> = async (c) => {
  const deps = c.get("deps");
  const reward = await rewardsRepo(deps.db).byId(c.req.valid("param").id);
  if (!reward) throw notFound("reward");
  return c.json(await adminView(deps, reward), 200);
};

export const adminCreateRewardHandler: AppRouteHandler<typeof adminCreateReward> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const body = c.req.valid("json");
  const at = deps.clock().toISOString();
  const pictureIds = body.pictureId ? [body.pictureId] : [];
  await checkUploadsUsable(deps, { uploadIds: pictureIds, userId: actor.id, field: "pictureId" });
  const row: RewardRow = {
    id: newId(),
    name: body.name,
    description: body.description ?? "",
    pictureId: body.pictureId ?? null,
    price: body.price,
    stock: body.stock,
    taken: 0,
    placeName: body.place.name,
    placeAddress: body.place.address,
    placeHours: body.place.hours,
    activeFrom: body.activeFrom,
    activeTo: body.activeTo,
    retiredAt: null,
    version: 1,
    editId: null,
    createdAt: at,
    updatedAt: at,
  };
  const repo = rewardsRepo(deps.db);
  await deps.atomic([
    repo.insertStatement(row),
    ...attachStatements(deps.db, { ownerType: REWARD_PICTURES, ownerId: row.id, uploadIds: pictureIds, userId: actor.id }),
    auditStatement(deps.db, { actorId: actor.id, action: "reward.create", targetType: "reward", targetId: row.id, detail: body, at }),
  ]);
  return c.json(await adminView(deps, row), 201);
};

function changes(patch: RewardPatch, before: RewardRow, at: string): Partial<RewardRow> {
  const set: Partial<RewardRow> = { updatedAt: at };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.pictureId !== undefined) set.pictureId = patch.pictureId;
  if (patch.price !== undefined) set.price = patch.price;
  if (patch.stock !== undefined) set.stock = patch.stock;
  if (patch.place !== undefined) {
    set.placeName = patch.place.name;
    set.placeAddress = patch.place.address;
    set.placeHours = patch.place.hours;
  }
  if (patch.activeFrom !== undefined) set.activeFrom = patch.activeFrom;
  if (patch.activeTo !== undefined) set.activeTo = patch.activeTo;
  if (patch.retired !== undefined) set.retiredAt = patch.retired ? (before.retiredAt ?? at) : null;
  return set;
}

export const adminPatchRewardHandler: AppRouteHandler<typeof adminPatchReward> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const patch = c.req.valid("json");
  const repo = rewardsRepo(deps.db);
  const before = await repo.byId(id);
  if (!before) throw notFound("reward");
  const stale = async (now: RewardRow) =>
    new ApiError(409, "conflict", `the reward has changed since you opened it (version ${patch.version}, now ${now.version}); reload it`, {
      reason: "stale_version",
      expectedVersion: patch.version,
      version: now.version,
      reward: await adminView(deps, now),
    });
  if (before.version !== patch.version) throw await stale(before);
  const from = patch.activeFrom ?? before.activeFrom;
  const to = patch.activeTo === undefined ? before.activeTo : patch.activeTo;
  if (to !== null && to < from) {
    throw new ApiError(422, "validation_failed", "activeTo is before activeFrom", [{ path: "activeTo", message: "before activeFrom" }]);
  }
  const at = deps.clock().toISOString();
  const newPicture = patch.pictureId !== undefined && patch.pictureId !== before.pictureId;
  if (newPicture && patch.pictureId) await checkUploadsUsable(deps, { uploadIds: [patch.pictureId], userId: actor.id, field: "pictureId" });
  const editId = newId();
  const edited = repo.edited(editId);
  await deps.atomic([
    repo.editStatement(id, patch.version, changes(patch, before, at), editId),
    ...(newPicture
      ? [
          detachUploadsStatement(deps.db, REWARD_PICTURES, id),
          ...attachStatements(deps.db, {
            ownerType: REWARD_PICTURES,
            ownerId: id,
            uploadIds: patch.pictureId ? [patch.pictureId] : [],
            userId: actor.id,
            guard: edited,
          }),
        ]
      : []),
    auditStatement(deps.db, { actorId: actor.id, action: "reward.update", targetType: "reward", targetId: id, detail: patch, at }, edited),
  ]);
  const after = await repo.byId(id);
  if (!after) throw notFound("reward");
  if (after.editId !== editId) {
    if (after.version === patch.version && patch.stock !== undefined && patch.stock < after.taken) {
      throw new ApiError(409, "conflict", `stock cannot go below the ${after.taken} reserved or collected`, {
        reason: "stock_below_taken",
        taken: after.taken,
      });
    }
    throw await stale(after);
  }
  return c.json(await adminView(deps, after), 200);
};

export const adminRewardRedemptionsHandler: AppRouteHandler<typeof adminRewardRedemptions> = async (c) => {
  const deps = c.get("deps");
  const repo = rewardsRepo(deps.db);
  const reward = await repo.byId(c.req.valid("param").id);
  if (!reward) throw notFound("reward");
  const rows = await repo.ofReward(reward.id);
  const labels = await householdLabels(
    deps,
    rows.map((r) => r.accountId),
  );
  const counts = { reserved: 0, collected: 0, cancelled: 0 };
  for (const r of rows) counts[r.status as keyof typeof counts]++;
  return c.json(
    {
      counts,
      redemptions: rows.map((r) => ({
        id: r.id,
        pickupCode: r.pickupCode,
        rewardId: r.rewardId,
        rewardName: reward.name,
        householdLabel: labels.get(r.accountId) ?? "住户",
        status: r.status as "reserved" | "collected" | "cancelled",
        createdAt: r.createdAt,
        collectedAt: r.collectedAt,
      })),
    },
    200,
  );
};
