// Crawl a hub's whole model listing with @huggingface/hub, writing one JSON line per model, or summing downloads
// by account.
//
//     node crawl_hfjs.mjs ENDPOINT OUT EXPAND[,EXPAND...]
//     node crawl_hfjs.mjs --account-shares ENDPOINT EXPAND[,EXPAND...]
//
// Iterates listModels({hubUrl, additionalFields}), which follows the Link headers itself and asks for pages of
// 500 (its cap). On failure the lines written so far stay in OUT, the error goes to stdout, and the exit status is 1.
//
// --account-shares keeps nothing per model but its account's sums: 30-day downloads by author (else the owner part
// of the repository id, which the client calls name), keys in lower case as hubshare groups them, printed as one
// JSON object in the form of shares_peer.py.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { listModels } from "@huggingface/hub";

// The client always expands these; the rest go in additionalFields.
const builtIn = new Set(["pipeline_tag", "private", "gated", "downloads", "likes", "lastModified"]);
const fields = (arg) => (arg ?? "").split(",").filter((e) => e && !builtIn.has(e));

if (process.argv[2] === "--account-shares") {
  const [endpoint, expandArg] = process.argv.slice(3);
  const out = { tool: "huggingface.js", dimension: "account", total: 0, unknown: 0, unknownModels: 0, models: 0,
    missing: 0 };
  const sums = new Map();
  for await (const m of listModels({ hubUrl: endpoint, additionalFields: fields(expandArg) })) {
    out.models++;
    let d = m.downloads;
    if (d === undefined || d === null) {
      out.missing++;
      d = 0;
    }
    out.total += d;
    const slash = m.name.indexOf("/");
    const account = m.author ?? (slash > 0 ? m.name.slice(0, slash) : null);
    if (account === null) {
      out.unknown += d;
      out.unknownModels++;
      continue;
    }
    const key = account.toLowerCase();
    const s = sums.get(key);
    if (s) {
      s[0] += d;
      s[1]++;
    } else {
      sums.set(key, [d, 1]);
    }
  }
  out.rows = Object.fromEntries(sums);
  console.log(JSON.stringify(out));
  process.exit(0);
}

const [endpoint, out, expandArg] = process.argv.slice(2);
const additionalFields = fields(expandArg);

const file = createWriteStream(out, { encoding: "utf8" });
let n = 0;
const start = performance.now();
let failure;
try {
  for await (const m of listModels({ hubUrl: endpoint, additionalFields })) {
    if (!file.write(JSON.stringify(m) + "\n")) await once(file, "drain");
    n++;
  }
} catch (e) {
  failure = e;
}
file.end();
await once(file, "finish");
const seconds = Math.round(performance.now() - start) / 1000;
if (failure) {
  console.log(JSON.stringify({ models: n, seconds, error: `${failure.name}: ${failure.message}`.slice(0, 300) }));
  process.exit(1);
}
console.log(JSON.stringify({ models: n, seconds }));
