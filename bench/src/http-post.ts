// One keep-alive POST of a JSON payload, resolving with the status once the answer is drained:
// the unit of every HTTP throughput row.
import { type Agent, request } from "node:http";

export function post(agent: Agent, url: string | URL, payload: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": payload.length },
        timeout: 10_000,
      },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
        res.once("error", reject);
      },
    );
    req.once("timeout", () => req.destroy(new Error("request timed out")));
    req.once("error", reject);
    req.end(payload);
  });
}
