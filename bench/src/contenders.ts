// The clients under test. Each one makes the same addGroupParticipant call (same URL, body and
// content type) with its default options and resolves once the answer is parsed and checked.

import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { paths } from "@greenspec/types";
import axios from "axios";
import createClient from "openapi-fetch";
import { API_TOKEN, BODY, ID_INSTANCE, OPERATION_PATH, TEMPLATE } from "./fixtures.js";
import { type GreenspecModule, loadGreenspec } from "./greenspec.js";

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
export type Call = () => Promise<void>;

export interface Contender {
  name: string;
  /** What the row stands for, one line, for BENCHMARKS.md. */
  meaning: string;
  /** Builds the call against `baseUrl`, sending through `fetchImpl` where the client takes one. */
  make(baseUrl: string, fetchImpl: FetchLike): Promise<Call>;
}

const PATH_PARAMS = { path: { idInstance: ID_INSTANCE, apiTokenInstance: API_TOKEN } };
const JSON_HEADERS = { "Content-Type": "application/json" };
/** Long enough never to fire; only the cost of carrying a signal is measured. */
const SIGNAL_TIMEOUT_MS = 30_000;

function expectAdded(data: unknown): void {
  if ((data as { addParticipant?: unknown } | undefined)?.addParticipant !== true) {
    throw new Error(`unexpected answer: ${JSON.stringify(data)}`);
  }
}

export const rawFetch: Contender = {
  name: "raw fetch",
  meaning: "Node's global fetch with a JSON body, then res.json(): the floor every client adds to",
  async make(baseUrl, fetchImpl) {
    const url = baseUrl + OPERATION_PATH;
    return async () => {
      const res = await fetchImpl(url, {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify(BODY),
      });
      expectAdded(await res.json());
    };
  },
};

export const rawFetchSignal: Contender = {
  name: "raw fetch + AbortSignal",
  meaning:
    "raw fetch with a per-call AbortController and timer: what any per-attempt timeout costs",
  async make(baseUrl, fetchImpl) {
    const url = baseUrl + OPERATION_PATH;
    return async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), SIGNAL_TIMEOUT_MS);
      try {
        const res = await fetchImpl(url, {
          method: "POST",
          headers: JSON_HEADERS,
          body: JSON.stringify(BODY),
          signal: controller.signal,
        });
        expectAdded(await res.json());
      } finally {
        clearTimeout(timer);
      }
    };
  },
};

export const bareOpenapiFetch: Contender = {
  name: "openapi-fetch (bare)",
  meaning: "createClient<paths>() from openapi-fetch with default options: a Request per call",
  async make(baseUrl, fetchImpl) {
    const client = createClient<paths>({ baseUrl, fetch: fetchImpl });
    return async () => {
      const { data } = await client.POST(TEMPLATE, { params: PATH_PARAMS, body: BODY });
      expectAdded(data);
    };
  },
};

/** Holds what openapi-fetch gives the Request constructor, without building a real Request. */
class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
  }
}

export const lightOpenapiFetch: Contender = {
  name: "openapi-fetch + light Request",
  meaning: "openapi-fetch given a plain Request class and a fetch that passes its fields on",
  async make(baseUrl, fetchImpl) {
    const passThrough = (request: LightRequest) =>
      fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
      });
    const client = createClient<paths>({
      baseUrl,
      Request: LightRequest as unknown as typeof Request,
      fetch: passThrough as unknown as typeof fetch,
    });
    return async () => {
      const { data } = await client.POST(TEMPLATE, { params: PATH_PARAMS, body: BODY });
      expectAdded(data);
    };
  },
};

export const axiosClient: Contender = {
  name: "axios",
  meaning: "axios.create({ baseURL }).post() with its default Node adapter (node:http)",
  async make(baseUrl) {
    const instance = axios.create({ baseURL: baseUrl });
    return async () => {
      const res = await instance.post(OPERATION_PATH, BODY);
      expectAdded(res.data);
    };
  },
};

/** A contender that calls addGroupParticipant through a loaded build of the client. */
function greenspecContender(
  name: string,
  meaning: string,
  load: () => Promise<Pick<GreenspecModule, "createGreenApi">>,
): Contender {
  return {
    name,
    meaning,
    async make(baseUrl, fetchImpl) {
      const { createGreenApi } = await load();
      const api = createGreenApi({
        idInstance: ID_INSTANCE,
        apiTokenInstance: API_TOKEN,
        apiUrl: baseUrl,
        // Left out when it is the global fetch, so the loopback rows use the true defaults.
        ...(fetchImpl === globalThis.fetch ? {} : { fetch: fetchImpl }),
      });
      return async () => {
        expectAdded(await api.addGroupParticipant(BODY));
      };
    },
  };
}

export const greenspec = greenspecContender(
  "greenspec",
  "createGreenApi() with defaults: request and response validation, per-attempt timeout, retries, no pacing",
  loadGreenspec,
);

/**
 * Another build of the client (`pnpm bench --baseline DIR`, DIR holding its built `index.js`),
 * measured in the same interleaved run, so a change is judged side by side with what it replaced.
 */
export function baselineGreenspec(dir: string): Contender {
  const entry = pathToFileURL(join(resolve(dir), "index.js")).href;
  // Named by its commit when the build sits in a git checkout: a path means nothing elsewhere.
  const commit = spawnSync("git", ["-C", resolve(dir), "rev-parse", "--short", "HEAD"], {
    encoding: "utf8",
  }).stdout?.trim();
  return greenspecContender(
    "greenspec (baseline)",
    `the same calls through the client built ${commit ? `at commit ${commit}` : `in ${dir}`}, with its defaults`,
    () => import(entry),
  );
}
