import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenLocally } from "@greenspec/test-helpers";

/** What the fault server answers to the n-th request (1-based), before its normal answer. */
export type Fault =
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "instance-starting" }
  | { kind: "bad-request-data" };

export interface FaultServerOptions {
  /** Faults by request number (1 = the first request the server gets). */
  faults?: ReadonlyMap<number, Fault>;
  /** Per participant key: always answer this error (not retryable). */
  refuse?: ReadonlySet<string>;
  /** Per participant key: answer `addParticipant: false`. */
  notAdded?: ReadonlySet<string>;
  /** Like a well-behaved service: 429 once more than this many requests arrive in one second. */
  limitPerSecond?: number;
  /** Delay every answer by this many ms (to catch requests in flight). */
  delayMs?: number;
}

export interface FaultServer {
  url: string;
  /** Requests that reached the server, per participant key (`chat:…` or `phone:…`). */
  requests: Map<string, number>;
  /** Answers of `addParticipant: true` given, per participant key. */
  accepted: Map<string, number>;
  /** Arrival times (ms since the epoch) of every request. */
  arrivals: number[];
  /** 429s the limiter gave because the client was too fast (scripted ones not counted). */
  limiterRefusals: number;
  /** Faults actually answered, by kind. */
  faultsAnswered: Map<Fault["kind"], number>;
  /** Most requests seen in any one-second window aligned at the first request. */
  peakPerSecond(): number;
  /** Most requests seen in any 1000 ms starting at a request (a stricter, sliding count). */
  peakInAnySecond(): number;
  close(): Promise<void>;
}

const ADD_PATH = /^\/waInstance\d+\/addGroupParticipant\/[^/]+$/;

/** A stand-in for the service on 127.0.0.1 that counts what it gets and answers faults on cue. */
export async function startFaultServer(options: FaultServerOptions = {}): Promise<FaultServer> {
  const requests = new Map<string, number>();
  const accepted = new Map<string, number>();
  const faultsAnswered = new Map<Fault["kind"], number>();
  const arrivals: number[] = [];
  let seen = 0;
  let limiterRefusals = 0;
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const now = Date.now();
    arrivals.push(now);
    const number = ++seen;
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (req.method !== "POST" || !ADD_PATH.test(req.url ?? ""))
      return answer(res, 404, "not found");
    const body = JSON.parse(raw) as { participantChatId?: string; participantPhone?: number };
    const key =
      body.participantPhone !== undefined
        ? `phone:${body.participantPhone}`
        : `chat:${body.participantChatId}`;
    bump(requests, key);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const fault = options.faults?.get(number);
    if (fault) {
      faultsAnswered.set(fault.kind, (faultsAnswered.get(fault.kind) ?? 0) + 1);
      if (fault.kind === "rate-limited")
        return answer(res, 429, "Too Many Requests", {
          "Retry-After": String(fault.retryAfterSeconds),
        });
      if (fault.kind === "instance-starting")
        return answer(res, 400, "instance in starting process try later");
      return answer(res, 400, "bad request data");
    }
    if (options.limitPerSecond !== undefined) {
      const recent = arrivals.filter((t) => t > now - 1000).length;
      if (recent > options.limitPerSecond) {
        limiterRefusals++;
        return answer(res, 429, "Too Many Requests", { "Retry-After": "1" });
      }
    }
    if (options.refuse?.has(key)) return answer(res, 400, "bad request data");
    if (options.notAdded?.has(key)) return json(res, { addParticipant: false });
    bump(accepted, key);
    return json(res, { addParticipant: true });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 500, "fault server error"));
  });
  return {
    ...(await listenLocally(server)),
    requests,
    accepted,
    arrivals,
    faultsAnswered,
    get limiterRefusals() {
      return limiterRefusals;
    },
    peakPerSecond() {
      const start = arrivals[0] ?? 0;
      const windows = new Map<number, number>();
      for (const t of arrivals) {
        const w = Math.floor((t - start) / 1000);
        windows.set(w, (windows.get(w) ?? 0) + 1);
      }
      return Math.max(0, ...windows.values());
    },
    peakInAnySecond() {
      return Math.max(
        0,
        ...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 1000).length),
      );
    },
  };
}

function answer(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify({ code: status, description: text }));
}

function json(res: ServerResponse, value: unknown) {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(JSON.stringify(value));
}
