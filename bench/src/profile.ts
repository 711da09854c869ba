// `pnpm --filter @greenspec/bench run profile [name] [--loopback]`: where one client's time goes,
// against the stub fetch (the client's own work) or the loopback server (a real socket).
import { startLoopbackServer } from "./child-server.js";
import {
  axiosClient,
  bareOpenapiFetch,
  greenspec,
  lightOpenapiFetch,
  rawFetch,
  rawFetchSignal,
} from "./contenders.js";
import { profileCalls } from "./cpu-profile.js";
import { STUB_BASE_URL, stubFetch } from "./overhead.js";

const contenders = [
  rawFetch,
  rawFetchSignal,
  bareOpenapiFetch,
  lightOpenapiFetch,
  axiosClient,
  greenspec,
];
const name = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? greenspec.name;
const loopback = process.argv.includes("--loopback");
const contender = contenders.find((c) => c.name === name);
if (!contender) {
  throw new Error(`no client "${name}"; one of: ${contenders.map((c) => c.name).join(", ")}`);
}

const server = loopback ? await startLoopbackServer() : undefined;
try {
  const call = await contender.make(server?.url ?? STUB_BASE_URL, server ? fetch : stubFetch);
  const label = `${contender.name}, ${server ? "loopback server" : "stub fetch"}`;
  console.log(await profileCalls(label, call, { warmup: 2_000, calls: server ? 5_000 : 20_000 }));
} finally {
  await server?.close();
}
