// One exchange through the validation proxy: the request goes on to the upstream with the
// framing the proxy read, the answer comes back byte for byte, and a copy of both is kept for
// checking. An upstream that breaks the exchange (unparseable, cut short, silent) is a finding.
import {
  type ClientRequest,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { sendProblem } from "./problem.js";
import { endToEnd, framingRefusal, requestFraming } from "./proxy-framing.js";
import { BODY_LIMIT_BYTES } from "./request-body.js";

/** Collects a copy of the bytes going through, up to a bound past which it gives up. */
export class Copy {
  readonly #chunks: Buffer[] = [];
  #size = 0;
  overflowed = false;
  add(chunk: Buffer): void {
    if (this.overflowed) return;
    this.#size += chunk.length;
    if (this.#size > BODY_LIMIT_BYTES) {
      this.overflowed = true;
      this.#chunks.length = 0;
      return;
    }
    this.#chunks.push(chunk);
  }
  bytes(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}

export interface Exchange {
  req: IncomingMessage;
  requestBody: Copy;
  status: number;
  headers: IncomingHttpHeaders;
  responseBody: Copy;
}

/** A complete exchange to check, the upstream's fault to report, or nothing (the caller's doing). */
export type Relayed = { exchange: Exchange } | { broken: string } | undefined;

export interface Relay {
  send(req: IncomingMessage, res: ServerResponse): Promise<Relayed>;
  close(): void;
}

class UpstreamTimeout extends Error {}

/** Where and how the relay forwards: fixed for the proxy's life. */
interface Target {
  upstream: URL;
  basePath: string;
  agent: HttpAgent | HttpsAgent;
  request: typeof httpRequest | typeof httpsRequest;
  timeoutMs: number;
}

/** How one relayed request ends, resolved once. */
interface Pending {
  req: IncomingMessage;
  res: ServerResponse;
  requestBody: Copy;
  callerLeft: boolean;
  resolve(relayed: Relayed): void;
}

export function createRelay(upstream: URL, timeoutMs: number): Relay {
  const secure = upstream.protocol === "https:";
  const target: Target = {
    upstream,
    basePath: upstream.pathname.replace(/\/+$/, ""),
    agent: secure
      ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
      : new HttpAgent({ keepAlive: true, maxSockets: 64 }),
    request: secure ? httpsRequest : httpRequest,
    timeoutMs,
  };
  return {
    send: (req, res) => new Promise((resolve) => relay(target, req, res, resolve)),
    close: () => target.agent.destroy(),
  };
}

/** The upstream request for `req`, or why it cannot be forwarded. */
function open(target: Target, req: IncomingMessage): ClientRequest | string {
  const refusal = framingRefusal(req.headers);
  if (refusal) return refusal;
  // A target that is not a path (absolute-form, "*") or a header Node will not send.
  if (!(req.url ?? "").startsWith("/")) return "The request cannot be forwarded as it is.";
  const headers = endToEnd(req.rawHeaders, req.headers.connection, true);
  headers.push("host", target.upstream.host, ...requestFraming(req.headers));
  try {
    const url = `${target.upstream.origin}${target.basePath}${req.url}`;
    return target.request(url, { method: req.method, headers, agent: target.agent });
  } catch {
    return "The request cannot be forwarded as it is.";
  }
}

function relay(
  target: Target,
  req: IncomingMessage,
  res: ServerResponse,
  resolve: (relayed: Relayed) => void,
): void {
  const outgoing = open(target, req);
  if (typeof outgoing === "string") {
    req.resume();
    sendProblem(res, { status: 400, detail: outgoing });
    resolve(undefined);
    return;
  }
  const pending: Pending = { req, res, requestBody: new Copy(), callerLeft: false, resolve };
  req.on("data", (chunk: Buffer) => pending.requestBody.add(chunk));
  req.pipe(outgoing);
  // Idle that long, the upstream is given up and its connection destroyed (never pooled).
  outgoing.setTimeout(target.timeoutMs, () => outgoing.destroy(new UpstreamTimeout()));
  // The caller gave up: so does the upstream call.
  res.once("close", () => {
    if (res.writableFinished) return;
    pending.callerLeft = true;
    outgoing.destroy();
  });
  outgoing.once("error", (error) => upstreamFailed(pending, error, target.timeoutMs));
  outgoing.once("response", (answer) => passAnswerOn(pending, answer));
}

/** No answer: a 504 for silence, a 502 for anything else, and a finding unless the caller left. */
function upstreamFailed(pending: Pending, error: Error, timeoutMs: number): void {
  const silent = error instanceof UpstreamTimeout;
  sendProblem(pending.res, {
    status: silent ? 504 : 502,
    detail: silent
      ? "The upstream did not answer in time."
      : "The upstream could not be reached, or it broke off.",
  });
  if (pending.callerLeft) pending.resolve(undefined);
  else if (silent)
    pending.resolve({ broken: `the upstream did not answer within ${timeoutMs} ms` });
  else
    pending.resolve({
      broken: `the upstream's answer is not valid HTTP or broke off (${code(error)})`,
    });
}

/** The upstream's answer, passed on byte for byte and copied for the check. */
function passAnswerOn(pending: Pending, answer: IncomingMessage): void {
  const { req, res, requestBody, resolve } = pending;
  const responseBody = new Copy();
  try {
    res.writeHead(
      answer.statusCode ?? 502,
      answer.statusMessage,
      endToEnd(answer.rawHeaders, answer.headers.connection),
    );
  } catch {
    answer.destroy();
    sendProblem(res, { status: 502, detail: "The upstream's answer cannot be passed on." });
    resolve({
      broken: "the upstream's answer has a status or header that cannot be sent on",
    });
    return;
  }
  answer.on("data", (chunk: Buffer) => responseBody.add(chunk));
  answer.pipe(res);
  answer.once("error", () => res.destroy());
  // Checked only when the whole answer came; cut short by the upstream, it is a finding.
  answer.once("close", () => {
    if (answer.complete) {
      const status = answer.statusCode ?? 502;
      resolve({
        exchange: { req, requestBody, status, headers: answer.headers, responseBody },
      });
    } else if (pending.callerLeft) resolve(undefined);
    else resolve({ broken: "the upstream broke off its answer before the end of the body" });
  });
}

/** A Node error code says what broke without quoting the upstream's bytes. */
function code(error: Error): string {
  const value = (error as { code?: unknown }).code;
  return typeof value === "string" ? value : error.name;
}
