import { ensureMiniappBuild } from "../support/miniapp-build";

/** Builds miniapp/dist/weapp once per run when it is missing or older than the sources. */
export default async function setup() {
  await ensureMiniappBuild("weapp");
}
