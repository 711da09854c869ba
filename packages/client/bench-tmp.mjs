import { createServer } from "node:http";
import { createGreenApi } from "./dist/index.js";
const server = createServer((req, res) => { req.resume(); req.on("end", () => { res.writeHead(200, {"content-type":"application/json"}); res.end('{"addParticipant":true}'); }); });
await new Promise(r => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;
const body = { groupId: "79001234567-1587570015@g.us", participantChatId: "79001234568@c.us" };
const url = `${base}/waInstance1101000001/addGroupParticipant/YOUR_TOKEN`;
const raw = async () => { const r = await fetch(url, { method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body) }); return r.json(); };
const api = createGreenApi({ idInstance: "1101000001", apiTokenInstance: "YOUR_TOKEN", apiUrl: base });
const apiNoSig = createGreenApi({ idInstance: "1101000001", apiTokenInstance: "YOUR_TOKEN", apiUrl: base, fetch: (u, i) => { i.signal = undefined; return fetch(u, i); } });
const canned = createGreenApi({ idInstance: "1101000001", apiTokenInstance: "YOUR_TOKEN", apiUrl: base, fetch: async () => new Response('{"addParticipant":true}', {status: 200, headers: {"content-type": "application/json"}}) });
const fns = { raw, gs: () => api.addGroupParticipant(body), gsNoSig: () => apiNoSig.addGroupParticipant(body), cannedOnly: () => canned.addGroupParticipant(body) };
for (const f of Object.values(fns)) for (let i = 0; i < 300; i++) await f();
const times = Object.fromEntries(Object.keys(fns).map(k => [k, []]));
for (let round = 0; round < 3000; round++) for (const [k, f] of Object.entries(fns)) { const t = performance.now(); await f(); times[k].push(performance.now() - t); }
const med = a => { const s = [...a].sort((x,y)=>x-y); return s[s.length>>1]; };
const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, med(v)]));
console.log(Object.fromEntries(Object.entries(m).map(([k,v])=>[k, (v/m.raw).toFixed(3)])), "raw ms", m.raw.toFixed(3), "canned ms", m.cannedOnly.toFixed(4));
server.close();
