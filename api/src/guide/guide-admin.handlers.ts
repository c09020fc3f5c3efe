import { GUIDE_ITEMS, WASTE_CLASS_INFO } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { auditStatement } from "../platform/audit";
import { isUniqueViolation } from "../platform/db-errors";
import { conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { notifyStatement } from "../platform/notifications/outbox";
import type { AppRouteHandler } from "../platform/router";
import { guideRepo, nameKey, suggestionView } from "./guide.repo";
import type { adminSuggestions, resolveSuggestion } from "./guide.routes";

const ITEM_PAGE = "packages/guide/item/index";
const SEARCH_PAGE = "packages/guide/search/index";

export const adminSuggestionsHandler: AppRouteHandler<typeof adminSuggestions> = async (c) => {
  const rows = await guideRepo(c.get("deps").db).suggestions(c.req.valid("query").status);
  return c.json({ suggestions: rows.map(suggestionView) }, 200);
};

const nameExists = () => conflict("an item with this name is already in the guide", { reason: "name_exists" });

export const resolveSuggestionHandler: AppRouteHandler<typeof resolveSuggestion> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const body = c.req.valid("json");
  const repo = guideRepo(deps.db);
  const s = await repo.suggestion(c.req.valid("param").id);
  if (!s) throw notFound("suggestion");
  const stale = () => conflict("this suggestion was resolved or changed meanwhile; reload it", { reason: "stale", status: s.status });
  if (s.status !== "pending" || s.version !== body.version) throw stale();
  const at = deps.clock().toISOString();
  const resolutionId = newId();
  const mine = repo.resolvedGuard(s.id, resolutionId);
  const statements = [];
  if (body.decision === "accept") {
    const name = body.name ?? s.name;
    const added = await repo.addedItems();
    if ([...GUIDE_ITEMS, ...added].some((i) => nameKey(i.name) === nameKey(name))) throw nameExists();
    const itemId = `add-${newId()}`;
    const label = WASTE_CLASS_INFO[body.class].label;
    statements.push(
      repo.resolveStatement(s, { status: "accepted", resolutionId, by: user.id, at, itemId }),
      repo.addItemStatement(
        {
          id: itemId,
          name,
          class: body.class,
          synonyms: JSON.stringify([...new Set((body.synonyms ?? []).filter((w) => w !== name))]),
          howTo: body.howTo,
          note: body.note || null,
          suggestionId: s.id,
          createdBy: user.id,
          createdAt: at,
        },
        mine,
      ),
      notifyStatement(deps.db, {
        userId: s.userId,
        subject: { type: "guide-suggestion", id: s.id },
        payload: {
          title: "感谢您的补充",
          body: `您建议的“${s.name}”已收录进分类指南：属于${label}`,
          page: `${ITEM_PAGE}?id=${itemId}`,
          status: "已收录",
          subject: "垃圾分类指南",
        },
        now: at,
        guard: mine,
      }),
    );
  } else {
    statements.push(
      repo.resolveStatement(s, { status: "declined", resolutionId, by: user.id, at, reason: body.reason }),
      notifyStatement(deps.db, {
        userId: s.userId,
        subject: { type: "guide-suggestion", id: s.id },
        payload: {
          title: "分类指南建议已处理",
          body: `您建议的“${s.name}”暂未收录：${body.reason}`,
          page: SEARCH_PAGE,
          status: "未收录",
          subject: "垃圾分类指南",
        },
        now: at,
        guard: mine,
      }),
    );
  }
  statements.push(
    auditStatement(
      deps.db,
      { actorId: user.id, action: `guide.suggestion.${body.decision}`, targetType: "guide_suggestion", targetId: s.id, at },
      mine,
    ),
  );
  try {
    await deps.atomic(statements);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameExists();
    throw err;
  }
  const after = await repo.suggestion(s.id);
  if (!after || after.resolutionId !== resolutionId) throw stale();
  return c.json(suggestionView(after), 200);
};
