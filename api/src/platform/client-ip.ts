import type { Context } from "hono";
import type { AppEnv } from "./context";

/**
 * Which proxies' word about the caller's address is believed (setting TRUST_PROXY):
 * - "none": nobody's; the socket's peer address (the Node default, for a host facing the internet);
 * - "cloudflare": Cloudflare's CF-Connecting-IP (the Workers default; Cloudflare sets it and strips a forged one);
 * - a number N: N reverse proxies of our own stand in front, each appending to X-Forwarded-For.
 */
export type TrustProxy = "none" | "cloudflare" | number;

/** The caller's address for per-address limits; "unknown" only when the host cannot tell at all. */
export function clientIp(c: Context<AppEnv>): string {
  const deps = c.get("deps");
  const socket = deps.remoteAddress?.(c);
  const trust = deps.config.trustProxy;
  if (trust === "cloudflare") return c.req.header("cf-connecting-ip")?.trim() || socket || "unknown";
  if (typeof trust === "number" && trust > 0) return forwardedClient(c.req.header("x-forwarded-for"), socket, trust) ?? "unknown";
  return socket || "unknown";
}

/**
 * The right-most address no trusted proxy vouches for. The chain is X-Forwarded-For's entries followed by the
 * socket's peer (the nearest proxy). With `hops` proxies of ours, the last `hops` entries of the chain are
 * those proxies; the one before them is the address the outermost proxy saw, i.e. the client. Anything
 * further left was written by the client itself and is never believed.
 */
export function forwardedClient(header: string | undefined, socket: string | undefined, hops: number): string | undefined {
  const chain = (header ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (socket) chain.push(socket);
  if (chain.length === 0) return undefined;
  // Fewer entries than proxies: the request skipped some of them; the left-most is the best there is.
  return chain[Math.max(0, chain.length - 1 - hops)];
}
