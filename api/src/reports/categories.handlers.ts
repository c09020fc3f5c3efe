import { canAdminister } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { auditStatement } from "../platform/audit";
import { conflict, notFound } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { categoriesRepo, toCategory } from "./categories.repo";
import type * as routes from "./reports.routes";

/* Report categories: anyone lists the active ones; admins see retired ones too, create and edit them (audited). */

export const listCategoriesHandler: AppRouteHandler<typeof routes.listCategories> = async (c) => {
  const { all } = c.req.valid("query");
  const includeInactive = all && canAdminister(c.get("user"));
  return c.json({ categories: await categoriesRepo(c.get("deps").db).list(includeInactive) }, 200);
};

export const createCategoryHandler: AppRouteHandler<typeof routes.createCategory> = async (c) => {
  const deps = c.get("deps");
  const input = c.req.valid("json");
  const admin = currentUser(c);
  const now = deps.clock().toISOString();
  const repo = categoriesRepo(deps.db);
  if (await repo.byCode(input.code)) throw conflict(`category ${input.code} exists already`);
  await deps.atomic([
    repo.insertStatement(input, now),
    auditStatement(deps.db, {
      actorId: admin.id,
      action: "category.create",
      targetType: "report_category",
      targetId: input.code,
      detail: { name: input.name },
      at: now,
    }),
  ]);
  const row = await repo.byCode(input.code);
  if (!row) throw conflict("the category could not be stored");
  return c.json(toCategory(row), 201);
};

export const updateCategoryHandler: AppRouteHandler<typeof routes.updateCategory> = async (c) => {
  const deps = c.get("deps");
  const { code } = c.req.valid("param");
  const change = c.req.valid("json");
  const admin = currentUser(c);
  const repo = categoriesRepo(deps.db);
  if (!(await repo.byCode(code))) throw notFound("category");
  const now = deps.clock().toISOString();
  await deps.atomic([
    repo.updateStatement(code, change, now),
    auditStatement(deps.db, {
      actorId: admin.id,
      action: "category.update",
      targetType: "report_category",
      targetId: code,
      detail: change,
      at: now,
    }),
  ]);
  const row = await repo.byCode(code);
  if (!row) throw notFound("category");
  return c.json(toCategory(row), 200);
};
