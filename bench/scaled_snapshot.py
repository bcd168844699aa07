"""The bundled sample scaled up for benchmarks, written once and cached.

    python3 bench/scaled_snapshot.py [--copies 165] [--data-dir bench/.data]

Writes, under the data directory, for C copies of the 15,156 models of examples/data/hub-sample-2026-08.jsonl.gz:

- hub-xC.jsonl.gz        a hubshare snapshot (header line, then one model a line) as one gzip stream;
- hub-xC.crawl.jsonl.gz  the same lines as a crawl writes them: the header as one gzip member, then one member per
                         1,000 model lines;
- hub-xC.jsonl           the model lines alone, uncompressed, without the header (plain JSON Lines);
- hub-xC.json            what was written (copies, models, sizes, the sample's SHA-256): a rerun that finds it
                         matching skips the work.

Every id is distinct, ignoring case, as in a crawl: the sample lists three repositories twice under two casings
(they were renamed while it was gathered), and only the first line of each is written, so each copy holds 15,153
models (165 copies: 2,500,245). The copies vary as io.hubshare.analytics.ScaledSample (test sources) varies the parsed
models: copy r > 0 suffixes the id, the modelId and every base-model id hubshare would keep (a linkable id that is
not the model's own) with "-r<r>", in the tags and in cardData.base_model, and adds (r * 1,000,003 + i * 7) mod 1,000
to the downloads of the sample's model line i. Authors stay, so origins resolve as in the sample. Copy 0 is the
sample re-serialised (compact JSON, UTF-8).
"""
import argparse
import gzip
import hashlib
import json
import os
import sys
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "examples", "data", "hub-sample-2026-08.jsonl.gz")
DEFAULT_DATA = os.path.join(ROOT, "bench", ".data")
FORMAT = 2  # bump when the bytes written change, so that cached files are rewritten
LINES_PER_MEMBER = 1000
LEVEL = 6  # java.util.zip's default, which a crawl uses

# Stand-ins placed in the template and replaced per copy; json.dumps escapes them, so they cannot clash with text.
SUFFIX = "\u0001"
DOWNLOADS = "\u0002"
SUFFIX_JSON = json.dumps(SUFFIX)[1:-1]
DOWNLOADS_JSON = json.dumps(DOWNLOADS)

RELATIONS = {"adapter", "finetune", "merge", "quantized"}
PLACEHOLDERS = {"none", "null", "nil", "undefined", "unknown", "nan", "tbd", "todo"}


def _valid_part(p):
    """io.hubshare.hf.RepoIds: 1..96 chars of [A-Za-z0-9_.-], alnum first, alnum or '_' last, no '--' or '..'."""
    if not 1 <= len(p) <= 96 or not (p[0].isascii() and p[0].isalnum()):
        return False
    if not ((p[-1].isascii() and p[-1].isalnum()) or p[-1] == "_"):
        return False
    prev = ""
    for c in p:
        if not ((c.isascii() and c.isalnum()) or c in "_-."):
            return False
        if c in "-." and c == prev:
            return False
        prev = c
    return True


def linkable(i):
    """io.hubshare.hf.RepoIds.isLinkable: what hubshare keeps as a base-model id."""
    parts = i.split("/", 1)
    if not all(_valid_part(p) for p in parts) or (len(parts) == 2 and "/" in parts[1]):
        return False
    return len(parts) == 2 or i.lower() not in PLACEHOLDERS


def _vary_base(base, model_id):
    base = base.strip()
    return base + SUFFIX if linkable(base) and base.lower() != model_id.lower() else base


def template(model):
    """The model's line split where the suffix and the downloads go: [text, (kind, ...), text, ...]."""
    m = dict(model)
    mid = m["id"]
    m["id"] = mid + SUFFIX
    if "modelId" in m and m["modelId"] is not None:
        m["modelId"] = m["modelId"] + SUFFIX
    tags = []
    for t in m.get("tags") or []:
        if t.startswith("base_model:"):
            rest = t[len("base_model:"):]
            head, colon, tail = rest.partition(":")
            if colon and head.strip().lower() in RELATIONS:
                t = "base_model:" + head + ":" + _vary_base(tail, mid)
            else:
                t = "base_model:" + _vary_base(rest, mid)
        tags.append(t)
    if "tags" in m and m["tags"] is not None:
        m["tags"] = tags
    card = m.get("cardData")
    if isinstance(card, dict) and "base_model" in card:
        card = dict(card)
        b = card["base_model"]
        if isinstance(b, str):
            card["base_model"] = _vary_base(b, mid)
        elif isinstance(b, list):
            card["base_model"] = [_vary_base(x, mid) if isinstance(x, str) else x for x in b]
        m["cardData"] = card
    downloads = m.get("downloads")
    if downloads is not None:
        m["downloads"] = DOWNLOADS
    text = json.dumps(m, ensure_ascii=False, separators=(",", ":"))
    pieces = []
    for i, chunk in enumerate(text.split(DOWNLOADS_JSON)):
        if i:
            pieces.append(("d", downloads))
        for j, part in enumerate(chunk.split(SUFFIX_JSON)):
            if j:
                pieces.append(("s",))
            pieces.append(part)
    return pieces


def render(pieces, copy, line):
    suffix = "-r%d" % copy if copy else ""
    shift = (copy * 1_000_003 + line * 7) % 1000 if copy else 0
    out = []
    for p in pieces:
        if isinstance(p, str):
            out.append(p)
        elif p[0] == "s":
            out.append(suffix)
        else:
            out.append(str(p[1] + shift))
    return "".join(out)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def member(data):
    c = zlib.compressobj(LEVEL, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def paths(data_dir, copies):
    base = os.path.join(data_dir, "hub-x%d" % copies)
    return {"stream": base + ".jsonl.gz", "crawl": base + ".crawl.jsonl.gz", "plain": base + ".jsonl",
            "manifest": base + ".json"}


def prepare(copies, data_dir=DEFAULT_DATA, log=lambda s: print(s, file=sys.stderr)):
    """Writes the files unless a matching manifest says they are there; returns the manifest."""
    os.makedirs(data_dir, exist_ok=True)
    p = paths(data_dir, copies)
    sample_sha = sha256(SAMPLE)
    try:
        with open(p["manifest"], encoding="utf-8") as f:
            found = json.load(f)
        if (found.get("format") == FORMAT and found.get("sampleSha256") == sample_sha
                and all(os.path.getsize(p[k]) == found["bytes"][k] for k in ("stream", "crawl", "plain"))):
            log("data: %s (%s models) is ready" % (p["stream"], format(found["models"], ",")))
            return found
    except (OSError, ValueError, KeyError):
        pass
    started = time.monotonic()
    with gzip.open(SAMPLE, "rt", encoding="utf-8") as f:
        header = json.loads(f.readline())
        lines = [json.loads(line) for line in f if line.strip()]
    seen = set()
    models = []  # (line number in the sample, model): the first line of each id, ignoring case
    for i, m in enumerate(lines):
        if m["id"].lower() not in seen:
            seen.add(m["id"].lower())
            models.append((i, m))
    templates = [template(m) for _, m in models]
    n = copies * len(models)
    log("data: writing %d copies of the sample (%s models) to %s" % (copies, format(n, ","), data_dir))
    header = dict(header)
    header["count"] = n
    header["note"] = ("The bundled sample hub-sample-2026-08 scaled for benchmarks by bench/scaled_snapshot.py: %d "
                      "copies of its %d distinct repositories, copy r > 0 with ids and base ids suffixed -r<r> and "
                      "downloads shifted. Not real data beyond the first copy." % (copies, len(models)))
    header_line = (json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    tmp = {k: p[k] + ".tmp" for k in ("stream", "crawl", "plain")}
    downloads = 0
    with open(tmp["stream"], "wb") as raw_stream, open(tmp["crawl"], "wb") as crawl, \
            open(tmp["plain"], "wb") as plain:
        stream = zlib.compressobj(LEVEL, zlib.DEFLATED, 31)
        raw_stream.write(stream.compress(header_line))
        crawl.write(member(header_line))
        batch = []
        for copy in range(copies):
            for (i, m), t in zip(models, templates):
                batch.append(render(t, copy, i))
                d = m.get("downloads")
                if d is not None:
                    downloads += d + ((copy * 1_000_003 + i * 7) % 1000 if copy else 0)
                if len(batch) == LINES_PER_MEMBER:
                    data = ("\n".join(batch) + "\n").encode("utf-8")
                    raw_stream.write(stream.compress(data))
                    crawl.write(member(data))
                    plain.write(data)
                    batch = []
            if copy % 20 == 19:
                log("data:   %d of %d copies" % (copy + 1, copies))
        if batch:
            data = ("\n".join(batch) + "\n").encode("utf-8")
            raw_stream.write(stream.compress(data))
            crawl.write(member(data))
            plain.write(data)
        raw_stream.write(stream.flush())
    for k in tmp:
        os.replace(tmp[k], p[k])
    manifest = {"format": FORMAT, "copies": copies, "models": n, "downloads": downloads,
                "linesPerMember": LINES_PER_MEMBER, "gzipLevel": LEVEL, "sampleSha256": sample_sha,
                "files": {k: os.path.basename(p[k]) for k in ("stream", "crawl", "plain")},
                "bytes": {k: os.path.getsize(p[k]) for k in ("stream", "crawl", "plain")},
                "seconds": round(time.monotonic() - started, 1)}
    with open(p["manifest"] + ".tmp", "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    os.replace(p["manifest"] + ".tmp", p["manifest"])
    log("data: done in %.0f s (%s)" % (manifest["seconds"], ", ".join(
        "%s %.0f MB" % (k, v / 1e6) for k, v in manifest["bytes"].items())))
    return manifest


def main():
    a = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    a.add_argument("--copies", type=int, default=165)
    a.add_argument("--data-dir", default=DEFAULT_DATA)
    args = a.parse_args()
    print(json.dumps(prepare(args.copies, args.data_dir), indent=1))


if __name__ == "__main__":
    main()
