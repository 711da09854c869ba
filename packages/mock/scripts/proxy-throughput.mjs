// A rough figure for the validation proxy: exchanges per second through startMock({ proxy }) in
// front of a loopback upstream that answers an in-spec example, next to calling the upstream
// directly. Run after `pnpm build`: node scripts/proxy-throughput.mjs [requests] [concurrency]

import { readFileSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import { bundledSpecPath, startMock } from "../dist/index.js";

const requests = Number(process.argv[2] ?? 5000);
const concurrency = Number(process.argv[3] ?? 16);

// The first operation of the spec, its first request example and its first 200 example.
const spec = JSON.parse(readFileSync(bundledSpecPath(), "utf8"));
const resolve = (node) =>
  node?.$ref
    ? resolve(
        node.$ref
          .slice(2)
          .split("/")
          .reduce((n, k) => n[k.replaceAll("~1", "/").replaceAll("~0", "~")], spec),
      )
    : node;
const [path, item] = Object.entries(spec.paths)[0];
const [method, operation] = Object.entries(resolve(item)).find(
  ([key]) => key === "post" || key === "get",
);
const first = (content) => Object.values(content)[0];
const examples = (media) =>
  media.examples ? Object.values(media.examples).map((e) => resolve(e).value) : [media.example];
const requestBody = JSON.stringify(examples(first(resolve(operation.requestBody).content))[0]);
const answer = JSON.stringify(examples(first(resolve(operation.responses["200"]).content))[0]);
const parameters = [...(resolve(item).parameters ?? []), ...(operation.parameters ?? [])].map(
  resolve,
);
const exampleOf = (name) => {
  const parameter = parameters.find((candidate) => candidate.name === name);
  return encodeURIComponent(parameter?.example ?? resolve(parameter?.schema)?.examples?.[0] ?? "x");
};
const target = path.replace(/\{([^}]+)\}/g, (_, name) => exampleOf(name));

const upstream = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(answer);
  });
});
await new Promise((done) => upstream.listen(0, "127.0.0.1", done));
const upstreamUrl = `http://127.0.0.1:${upstream.address().port}`;
const proxy = await startMock({ proxy: upstreamUrl });
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function call(base) {
  return new Promise((done, fail) => {
    const req = request(`${base}${target}`, {
      method: method.toUpperCase(),
      agent,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(requestBody),
      },
    });
    req.on("response", (res) => res.resume().on("end", done));
    req.on("error", fail);
    req.end(requestBody);
  });
}

async function perSecond(base, count) {
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent++ < count) await call(base);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

await perSecond(upstreamUrl, 500);
await perSecond(proxy.url, 500);
const direct = await perSecond(upstreamUrl, requests);
const before = proxy.checked;
const started = performance.now();
const proxied = await perSecond(proxy.url, requests);
while (proxy.checked < before + requests) await new Promise((done) => setTimeout(done, 20));
const checked = requests / ((performance.now() - started) / 1000);
console.log(
  JSON.stringify({
    operation: operation.operationId,
    requests,
    concurrency,
    directPerSecond: Math.round(direct),
    proxiedPerSecond: Math.round(proxied),
    proxiedAndCheckedPerSecond: Math.round(checked),
    violations: proxy.violations.length,
  }),
);
await proxy.close();
upstream.close();
agent.destroy();
