import { ensureMiniappBuild } from "../support/miniapp-build";

/** Builds miniapp/dist/h5 once per run when it is missing or older than the sources. */
export default async function setup() {
  await ensureMiniappBuild("h5");
}
