"""Crawl a hub's whole model listing with huggingface_hub, writing one JSON line per model, or summing downloads
by account.

    python crawl_hf.py ENDPOINT OUT EXPAND[,EXPAND...]
    python crawl_hf.py --account-shares ENDPOINT EXPAND[,EXPAND...]

Uses HfApi(endpoint=...).list_models(limit=None, expand=[...]), which follows the Link headers itself. The page
size is the hub's default: with limit=None the client sends no `limit`, and a `limit` would also cap the total.
Each line keeps the fields a snapshot needs. On failure the lines written so far stay in OUT, the error goes to
stderr, and the exit status is 1.

--account-shares keeps nothing per model but its account's sums: 30-day downloads by author (else the owner part of
the id), keys in lower case as hubshare groups them, printed as one JSON object in the form of shares_peer.py.
"""
import json
import sys
import time

from huggingface_hub import HfApi


def as_line(m):
    return {
        "id": m.id,
        "_id": getattr(m, "_id", None),
        "author": m.author,
        "createdAt": m.created_at.isoformat() if m.created_at else None,
        "lastModified": m.last_modified.isoformat() if m.last_modified else None,
        "downloads": m.downloads,
        "likes": m.likes,
        "trendingScore": m.trending_score,
        "private": m.private,
        "gated": m.gated,
        "pipeline_tag": m.pipeline_tag,
        "library_name": m.library_name,
        "tags": m.tags,
        "cardData": m.card_data.to_dict() if m.card_data is not None else None,
        "safetensors": {"parameters": m.safetensors.parameters, "total": m.safetensors.total}
        if m.safetensors is not None else None,
        "gguf": m.gguf,
    }


def account_shares(endpoint, expand):
    api = HfApi(endpoint=endpoint, token=False)
    sums = {}
    out = {"tool": "huggingface_hub", "dimension": "account", "total": 0, "unknown": 0, "unknownModels": 0,
           "models": 0, "missing": 0}
    for m in api.list_models(limit=None, expand=expand or None):
        out["models"] += 1
        d = m.downloads
        if d is None:
            out["missing"] += 1
            d = 0
        out["total"] += d
        account = m.author if m.author is not None else (m.id.split("/", 1)[0] if m.id.find("/") > 0 else None)
        if account is None:
            out["unknown"] += d
            out["unknownModels"] += 1
            continue
        s = sums.get(account.lower())
        if s is None:
            sums[account.lower()] = [d, 1]
        else:
            s[0] += d
            s[1] += 1
    out["rows"] = sums
    print(json.dumps(out))


def main():
    if sys.argv[1] == "--account-shares":
        account_shares(sys.argv[2], [e for e in sys.argv[3].split(",") if e])
        return
    endpoint, out, expand = sys.argv[1], sys.argv[2], [e for e in sys.argv[3].split(",") if e]
    api = HfApi(endpoint=endpoint, token=False)
    n = 0
    start = time.monotonic()
    with open(out, "w", encoding="utf-8") as f:
        try:
            for m in api.list_models(limit=None, expand=expand or None):
                f.write(json.dumps(as_line(m), ensure_ascii=False))
                f.write("\n")
                n += 1
        except Exception as e:  # report what the client raised, as a user would meet it
            print(json.dumps({"models": n, "seconds": round(time.monotonic() - start, 3),
                              "error": f"{type(e).__name__}: {e}"[:300]}))
            sys.exit(1)
    print(json.dumps({"models": n, "seconds": round(time.monotonic() - start, 3)}))


if __name__ == "__main__":
    main()
