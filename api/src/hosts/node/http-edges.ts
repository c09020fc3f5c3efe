import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ErrorCode } from "@civic/shared";
import { errorBody } from "../../platform/errors";

/*
 * Two edges of HTTP on the Node host that the app never sees.
 *
 * 1. A body refused as too large (413) is answered before the client has finished sending it. Closing the
 *    socket then makes the client fail with EPIPE / "other side closed" instead of reading the 413. So the
 *    rest of the body is read and thrown away first (up to a cap and a time limit), and the answer says
 *    `Connection: close`; past the cap the socket is closed anyway, as nobody honest sends that much.
 * 2. Requests Node's parser refuses (request line or headers too large, malformed) never reach the app and
 *    would get a bare status line. They are answered in the envelope with a request id, like every error.
 */

/** The most of a refused body that is read to let its client finish sending (largest limit 10 MB, plus room). */
const DRAIN_CAP_BYTES = 32 * 1024 * 1024;
/** How long a refused body may take to arrive before the socket is closed under it. */
const DRAIN_TIMEOUT_MS = 30_000;

type NodeBindings = { incoming?: unknown };
type Fetch = (request: Request, env: NodeBindings) => Response | Promise<Response>;

export function drainRefusedBodies(fetch: Fetch): Fetch {
  return async (request, env) => {
    const res = await fetch(request, env);
    if (res.status !== 413) return res;
    res.headers.set("Connection", "close");
    const drained = await drain(request);
    if (!drained) (env?.incoming as IncomingMessage | undefined)?.socket?.destroy();
    return res;
  };
}

/**
 * Reads what is left of the body (through the Request, which owns the Node stream once the app has
 * looked at it). False when it could not be read to its end within the cap and the time limit.
 */
async function drain(request: Request): Promise<boolean> {
  const body = request.body;
  if (!body) return true;
  if (body.locked) return false;
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), DRAIN_TIMEOUT_MS);
  });
  try {
    let read = 0;
    for (;;) {
      const next = await Promise.race([reader.read(), timeUp]);
      if (next === "timeout") return false;
      if (next.done) return true;
      read += next.value.byteLength;
      if (read > DRAIN_CAP_BYTES) return false;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
}

const PARSER_ERRORS: Record<string, { status: number; reason: string; code: ErrorCode; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: "Request Header Fields Too Large",
    code: "headers_too_large",
    message: "the request line or headers are too large",
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: "Request Timeout", code: "bad_request", message: "the request took too long to arrive" },
};
const MALFORMED = { status: 400, reason: "Bad Request", code: "bad_request" as ErrorCode, message: "the request is not valid HTTP" };

/** Node's 'clientError' listener: the envelope, a request id, and the connection closed after it. */
export function answerParserError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // Nothing to answer on a connection that is gone, or once an answer has begun.
  const written = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === "ECONNRESET" || !socket.writable || written) {
    socket.destroy();
    return;
  }
  const kind = (err.code && PARSER_ERRORS[err.code]) || MALFORMED;
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(kind.code, kind.message, { requestId }));
  socket.end(
    `HTTP/1.1 ${kind.status} ${kind.reason}\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      "X-Content-Type-Options: nosniff\r\n" +
      "Cache-Control: no-store\r\n" +
      "Connection: close\r\n\r\n" +
      body,
  );
}
