import { GUIDE_ITEMS, type GuideItem, guideVersion, searchGuide } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { conflict } from "../platform/errors";
import { newId } from "../platform/ids";
import { enforceRateLimit } from "../platform/rate-limit";
import type { AppRouteHandler } from "../platform/router";
import { guideRepo, nameKey, suggestionView } from "./guide.repo";
import type { createSuggestion, guideItems, guideSearch } from "./guide.routes";

/** Suggestions one resident may send per day. */
export const SUGGESTIONS_PER_DAY = 10;

/** The built-in items and those the bureau accepted from suggestions, with the version of the whole. */
export async function currentGuide(deps: AppDeps): Promise<{ version: string; items: GuideItem[] }> {
  const added = await guideRepo(deps.db).addedItems();
  return { version: guideVersion(added), items: [...GUIDE_ITEMS, ...added] };
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

export const guideItemsHandler: AppRouteHandler<typeof guideItems> = async (c) => {
  const guide = await currentGuide(c.get("deps"));
  const etag = `"guide-${guide.version}"`;
  // The same for everyone: public, and revalidated by version so the mini-program's copy stays current.
  c.header("ETag", etag);
  c.header("Cache-Control", "public, max-age=300");
  if (etagMatches(c.req.valid("header")["if-none-match"], etag)) return c.body(null, 304);
  return c.json(guide, 200);
};

export const guideSearchHandler: AppRouteHandler<typeof guideSearch> = async (c) => {
  const { q } = c.req.valid("query");
  const guide = await currentGuide(c.get("deps"));
  return c.json({ q, hits: searchGuide(guide.items, q) }, 200);
};

export const createSuggestionHandler: AppRouteHandler<typeof createSuggestion> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const body = c.req.valid("json");
  const now = deps.clock();
  await enforceRateLimit(deps.db, { bucket: `guide-suggestion:${user.id}`, limit: SUGGESTIONS_PER_DAY, windowSeconds: 86_400, now });
  const key = nameKey(body.name);
  const guide = await currentGuide(deps);
  const listed = guide.items.find((i) => nameKey(i.name) === key || i.synonyms.some((s) => nameKey(s) === key));
  if (listed) throw conflict("this item is already in the guide", { reason: "already_listed", itemId: listed.id });
  const saved = await guideRepo(deps.db).insertSuggestion({
    id: newId(),
    userId: user.id,
    name: body.name,
    nameKey: key,
    guessedClass: body.guessedClass,
    note: body.note ?? "",
    status: "pending",
    createdAt: now.toISOString(),
  });
  if (!saved) throw conflict("you have already suggested this item; the bureau is looking at it", { reason: "duplicate_pending" });
  return c.json(suggestionView(saved), 201);
};
