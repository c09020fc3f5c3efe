import type { Context } from "hono";
import type { AppEnv } from "../platform/context";
import { categoriesRepo, toCategory } from "../reports/categories.repo";
import { open311NotFound } from "./errors";
import { georeportRepo } from "./georeport.repo";
import { serviceDefinitionOf, serviceOf } from "./serializers";

/** Before any category exists: still a sortable changeset. */
const FIRST_CHANGESET = "2026-01-01T00:00:00.000Z";

/** The base URL clients reach us at: PUBLIC_BASE_URL when set, else the origin the request came to. */
export function publicOrigin(c: Context<AppEnv>): string {
  return c.get("deps").config.media.publicBaseUrl || new URL(c.req.url).origin;
}

export async function discovery(c: Context<AppEnv>) {
  const changeset = (await georeportRepo(c.get("deps").db).servicesChangedAt()) ?? FIRST_CHANGESET;
  return c.json(
    {
      changeset,
      contact: "城市管理局 12319 城管服务热线",
      key_service: "api_key 由城市管理局管理员签发 (POST /api/v1/admin/open311/keys)",
      endpoints: [
        {
          specification: "http://wiki.open311.org/GeoReport_v2",
          url: `${publicOrigin(c)}/open311/v2`,
          changeset,
          type: "production",
          formats: ["application/json"],
        },
      ],
    },
    200,
  );
}

export async function services(c: Context<AppEnv>) {
  const categories = await categoriesRepo(c.get("deps").db).list(false);
  return c.json(categories.map(serviceOf), 200);
}

export async function serviceDefinition(c: Context<AppEnv>) {
  const code = (c.req.param("file") ?? "").replace(/\.json$/, "");
  const row = await categoriesRepo(c.get("deps").db).byCode(code);
  if (!row?.active) throw open311NotFound(`service_code ${JSON.stringify(code.slice(0, 60))} not found`);
  return c.json(serviceDefinitionOf(toCategory(row)), 200);
}
