import { UploadResponse } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { requireUser } from "../../auth/auth.middleware";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { maxBody } from "../middleware";
import { bearerAuth, type createRouter, errorResponses, jsonContent } from "../router";
import { createUploadHandler, uploadContentHandler } from "./uploads.handlers";

const tags = ["uploads"];

export const UPLOADS_PATH = "/api/v1/uploads";

/** The body cap for an upload: the 10 MB photo plus room for the multipart framing. */
export const uploadBodyLimit = maxBody(10 * 1024 * 1024 + 64 * 1024);

/** In place of the JSON-only rule for POST /api/v1/uploads: a multipart form or a raw JPEG/PNG/WebP, else 415. */
export const uploadWritesOnly: MiddlewareHandler<AppEnv> = (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (type && !/^(multipart\/form-data|image\/(jpeg|png|webp))\b/i.test(type)) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "send the photo as multipart/form-data (field `file`) or as image/jpeg, image/png or image/webp",
    );
  }
  return next();
};
const binary = { type: "string", format: "binary" } as const;

/*
 * The request body is documented but not validated by a schema: the handler reads it itself (multipart or a
 * raw image), because its type is judged by magic bytes, never by the declared content type.
 */
export const createUpload = createRoute({
  method: "post",
  path: UPLOADS_PATH,
  tags,
  summary: "Upload a photo (JPEG, PNG or WebP by its bytes, ≤ 10 MB); its metadata (Exif, GPS, XMP, text) is removed",
  description:
    "multipart/form-data with one field `file` (what wx.uploadFile sends), or the raw image as the body with " +
    "Content-Type image/jpeg, image/png or image/webp. The declared type and file name are ignored. A file that cannot " +
    "be cleaned, or that carries data after the image's end, is refused (422) and nothing is stored. Then WeChat's " +
    "image check starts; a report using the photo is held for a moderator until it passes.",
  security: bearerAuth,
  middleware: [requireUser],
  request: {
    body: {
      required: true,
      content: {
        "multipart/form-data": { schema: { type: "object", properties: { file: binary }, required: ["file"] } },
        "image/jpeg": { schema: binary },
        "image/png": { schema: binary },
        "image/webp": { schema: binary },
      },
    },
  },
  responses: {
    201: jsonContent(UploadResponse, "Stored; `url` is a short-lived signed URL"),
    ...errorResponses(401, 413, 415, 422, 429),
  },
});

export const uploadContent = createRoute({
  method: "get",
  path: "/api/v1/uploads/{id}/content",
  tags,
  summary: "A photo's bytes, for a valid signed URL (or its owner / a moderator with a bearer token)",
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    query: z.object({ exp: z.string().max(20).optional(), sig: z.string().max(100).optional() }),
  },
  responses: {
    200: {
      description: "The image",
      content: { "image/jpeg": { schema: binary }, "image/png": { schema: binary }, "image/webp": { schema: binary } },
    },
    ...errorResponses(404),
  },
});

/** Photo uploads and their signed content URLs. */
export function registerUploads(app: ReturnType<typeof createRouter>) {
  app.openapi(createUpload, createUploadHandler);
  app.openapi(uploadContent, uploadContentHandler);
}
