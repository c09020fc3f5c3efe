import { addCityDays, cityClock, cityDayStart, type VolunteerToday } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { notFound } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { checksRepo, type RoomRow } from "./checks.repo";
import type { binRoomByCode, myBinRooms, volunteerToday } from "./volunteer.routes";

const toRoom = (r: RoomRow, mine: boolean) => ({ ...r, mine });

export const myBinRoomsHandler: AppRouteHandler<typeof myBinRooms> = async (c) => {
  const deps = c.get("deps");
  const rooms = await checksRepo(deps.db).roomsOf(currentUser(c).id);
  return c.json({ rooms: rooms.map((r) => toRoom(r, true)) }, 200);
};

export const binRoomByCodeHandler: AppRouteHandler<typeof binRoomByCode> = async (c) => {
  const deps = c.get("deps");
  const repo = checksRepo(deps.db);
  const room = await repo.room({ code: c.req.valid("param").code });
  if (!room) throw notFound("bin room");
  return c.json(toRoom(room, await repo.serves(currentUser(c).id, room.communityId)), 200);
};

export const volunteerTodayHandler: AppRouteHandler<typeof volunteerToday> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const repo = checksRepo(deps.db);
  const date = cityClock(deps.clock(), deps.config.cityZone).date;
  const from = cityDayStart(date, deps.config.cityZone).toISOString();
  const to = cityDayStart(addCityDays(date, 1), deps.config.cityZone).toISOString();
  const rows = await repo.checksBetween(user.id, from, to);
  const tally: VolunteerToday = {
    date,
    checks: rows.length,
    correct: 0,
    errors: {},
    points: await repo.awardedOn(user.id, date),
    rooms: [],
  };
  const rooms = new Map<string, VolunteerToday["rooms"][number]>();
  for (const r of rows) {
    if (r.correct) tally.correct++;
    for (const e of JSON.parse(r.errors) as string[]) tally.errors[e] = (tally.errors[e] ?? 0) + 1;
    const room = rooms.get(r.binRoomId) ?? { binRoomId: r.binRoomId, name: r.name, checks: 0, correct: 0 };
    room.checks++;
    if (r.correct) room.correct++;
    rooms.set(r.binRoomId, room);
  }
  tally.rooms = [...rooms.values()];
  return c.json(tally, 200);
};
