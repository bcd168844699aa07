// Crawl a hub's whole model listing with @huggingface/hub, writing one JSON line per model.
//
//     node crawl_hfjs.mjs ENDPOINT OUT EXPAND[,EXPAND...]
//
// Iterates listModels({hubUrl, additionalFields}), which follows the Link headers itself and asks for pages of
// 500 (its cap). On failure the lines written so far stay in OUT, the error goes to stdout, and the exit status is 1.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { listModels } from "@huggingface/hub";

const [endpoint, out, expandArg] = process.argv.slice(2);
// The client always expands these; the rest go in additionalFields.
const builtIn = new Set(["pipeline_tag", "private", "gated", "downloads", "likes", "lastModified"]);
const additionalFields = (expandArg ?? "").split(",").filter((e) => e && !builtIn.has(e));

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
