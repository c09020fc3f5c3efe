import { type CommunityInput, DEFAULT_CITY, findDistrict, streetsOf } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { isUniqueViolation } from "../platform/db-errors";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { communitiesRepo, toAdminBinRoom } from "./communities.repo";
import type {
  addBinRoom,
  adminCommunityById,
  assignVolunteer,
  createCommunity,
  listAdminCommunities,
  retireBinRoom,
  retireCommunity,
  unassignVolunteer,
  updateBinRoom,
  updateCommunity,
} from "./communities-admin.routes";
import { adminDetail } from "./community-views";

/** A community's district and street must be the configured city's; the district is stored by its official name. */
function placeOf(district: string, street: string): { district: string; street: string } {
  const d = findDistrict(DEFAULT_CITY, district);
  if (!d) throw validationFailed("unknown district", [{ path: ["district"], message: "not a district of this city" }]);
  if (!streetsOf(DEFAULT_CITY, d.code).some((s) => s.name === street))
    throw validationFailed("unknown street", [{ path: ["street"], message: `not a street of ${d.name}` }]);
  return { district: d.name, street };
}

async function communityOr404(deps: AppDeps, id: string) {
  const row = await communitiesRepo(deps.db).byId(id);
  if (!row) throw notFound("community");
  return row;
}

/**
 * A change decided on `version`: the audit row claims it (written only while the community is still at that
 * version) and the update applies only with that claim, so of two admins on one version exactly one wins
 * and the other gets 409 stale_version.
 */
async function changeAtVersion(
  deps: AppDeps,
  ch: { id: string; version: number; set: Partial<CommunityInput> & { active?: boolean }; actorId: string; action: string },
) {
  const repo = communitiesRepo(deps.db);
  const auditId = newId();
  await deps.atomic([
    repo.claimChangeStatement(auditId, ch, deps.clock().toISOString()),
    repo.updateAtVersion(ch.id, ch.version, ch.set, auditId),
  ]);
  if (!(await repo.auditWritten(auditId)))
    throw conflict("the community was changed by someone else; reload and try again", { reason: "stale_version" });
}

export const listAdminCommunitiesHandler: AppRouteHandler<typeof listAdminCommunities> = async (c) => {
  const repo = communitiesRepo(c.get("deps").db);
  const [rows, households] = await Promise.all([repo.listAll(), repo.householdCounts()]);
  return c.json({ communities: rows.map(({ createdAt: _, ...r }) => ({ ...r, households: households.get(r.id) ?? 0 })) }, 200);
};

export const adminCommunityByIdHandler: AppRouteHandler<typeof adminCommunityById> = async (c) => {
  const deps = c.get("deps");
  return c.json(await adminDetail(deps, await communityOr404(deps, c.req.valid("param").id)), 200);
};

export const createCommunityHandler: AppRouteHandler<typeof createCommunity> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const body = c.req.valid("json");
  const input: CommunityInput = { ...body, ...placeOf(body.district, body.street) };
  const id = newId();
  const at = deps.clock().toISOString();
  await deps.atomic([
    communitiesRepo(deps.db).insertStatement(id, input, at),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "community.create",
      targetType: "community",
      targetId: id,
      detail: { ...input },
      at,
    }),
  ]);
  return c.json(await adminDetail(deps, await communityOr404(deps, id)), 201);
};

export const updateCommunityHandler: AppRouteHandler<typeof updateCommunity> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const { version, ...changes } = c.req.valid("json");
  const before = await communityOr404(deps, id);
  const place = changes.district || changes.street ? placeOf(changes.district ?? before.district, changes.street ?? before.street) : {};
  const set = { ...changes, ...place };
  await changeAtVersion(deps, { id, version, set, actorId: actor.id, action: "community.update" });
  return c.json(await adminDetail(deps, await communityOr404(deps, id)), 200);
};

export const retireCommunityHandler: AppRouteHandler<typeof retireCommunity> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const { version } = c.req.valid("json");
  const before = await communityOr404(deps, id);
  if (!before.active) throw conflict("the community is already retired", { reason: "retired" });
  await changeAtVersion(deps, { id, version, set: { active: false }, actorId: actor.id, action: "community.retire" });
  return c.json(await adminDetail(deps, await communityOr404(deps, id)), 200);
};

/** A bin room's printed code: 10 characters without look-alikes (no 0/O, 1/I/L). */
function newRoomCode(): string {
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

export const addBinRoomHandler: AppRouteHandler<typeof addBinRoom> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id: communityId } = c.req.valid("param");
  const input = c.req.valid("json");
  const community = await communityOr404(deps, communityId);
  if (!community.active) throw notFound("community");
  const repo = communitiesRepo(deps.db);
  const at = deps.clock().toISOString();
  const id = newId();
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.atomic([
        repo.insertBinRoomStatement({
          id,
          communityId,
          name: input.name,
          code: newRoomCode(),
          lat: input.lat ?? null,
          lng: input.lng ?? null,
          active: true,
          createdAt: at,
        }),
        auditStatement(deps.db, {
          actorId: actor.id,
          action: "bin_room.create",
          targetType: "bin_room",
          targetId: id,
          detail: { communityId, ...input },
          at,
        }),
      ]);
      break;
    } catch (err) {
      // A code collision (1 in 31^10) is retried with a new code.
      if (!isUniqueViolation(err) || attempt >= 2) throw err;
    }
  }
  const room = await repo.binRoomById(id);
  if (!room) throw notFound("community");
  return c.json(toAdminBinRoom(room), 201);
};

async function binRoomOr404(deps: AppDeps, id: string) {
  const room = await communitiesRepo(deps.db).binRoomById(id);
  if (!room) throw notFound("bin room");
  return room;
}

export const updateBinRoomHandler: AppRouteHandler<typeof updateBinRoom> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const changes = c.req.valid("json");
  await binRoomOr404(deps, id);
  const at = deps.clock().toISOString();
  await deps.atomic([
    communitiesRepo(deps.db).updateBinRoomStatement(id, changes),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "bin_room.update",
      targetType: "bin_room",
      targetId: id,
      detail: { ...changes },
      at,
    }),
  ]);
  return c.json(toAdminBinRoom(await binRoomOr404(deps, id)), 200);
};

export const retireBinRoomHandler: AppRouteHandler<typeof retireBinRoom> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const room = await binRoomOr404(deps, id);
  if (!room.active) throw conflict("the bin room is already retired", { reason: "retired" });
  const at = deps.clock().toISOString();
  await deps.atomic([
    communitiesRepo(deps.db).updateBinRoomStatement(id, { active: false }),
    auditStatement(deps.db, { actorId: actor.id, action: "bin_room.retire", targetType: "bin_room", targetId: id, at }),
  ]);
  return c.json(toAdminBinRoom(await binRoomOr404(deps, id)), 200);
};

export const assignVolunteerHandler: AppRouteHandler<typeof assignVolunteer> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id, userId } = c.req.valid("param");
  const community = await communityOr404(deps, id);
  if (!community.active) throw notFound("community");
  const repo = communitiesRepo(deps.db);
  if (!(await repo.isVolunteer(userId)))
    throw validationFailed("only a user with the volunteer role can be assigned", [{ path: ["userId"], message: "not a volunteer" }]);
  const at = deps.clock().toISOString();
  await deps.atomic([
    repo.assignStatement(userId, id, actor.id, at),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "community.assign_volunteer",
      targetType: "community",
      targetId: id,
      detail: { userId },
      at,
    }),
  ]);
  return c.json(await adminDetail(deps, community), 200);
};

export const unassignVolunteerHandler: AppRouteHandler<typeof unassignVolunteer> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id, userId } = c.req.valid("param");
  const community = await communityOr404(deps, id);
  const at = deps.clock().toISOString();
  await deps.atomic([
    communitiesRepo(deps.db).unassignStatement(userId, id),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "community.unassign_volunteer",
      targetType: "community",
      targetId: id,
      detail: { userId },
      at,
    }),
  ]);
  return c.json(await adminDetail(deps, community), 200);
};
