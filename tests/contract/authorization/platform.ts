import { REPORTER_AND_STAFF, type Rows } from "./table";

/** Platform routes every domain uses: uploads and the inbox. */
export const PLATFORM_ROWS: Rows = {
  // Without a body the sign-in check answers first (a JSON body would be a 415 before it).
  "POST /api/v1/uploads": { access: "signed-in", path: () => "/api/v1/uploads" },
  // Without a signature: the owner and staff only; everyone else cannot tell it exists.
  "GET /api/v1/uploads/{id}/content": {
    access: REPORTER_AND_STAFF,
    hidden: true,
    anonymousAllowedIn: true,
    path: (f) => `/api/v1/uploads/${f.photoId}/content`,
  },
  "GET /api/v1/inbox": { access: "signed-in", path: () => "/api/v1/inbox" },
  "POST /api/v1/inbox/{id}/read": { access: "signed-in", path: () => "/api/v1/inbox/0190f0f0-0000-7000-8000-000000000000/read" },
};
