import type { User } from "@civic/shared";
import type { AppDeps } from "../deps";

/** Per-request values every handler can read with c.get(...). */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by the auth middleware when a valid token was presented. */
    user?: User;
    sessionId?: string;
  };
}
