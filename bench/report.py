"""Markdown tables from a crawl-benchmark.sh results folder: python3 bench/report.py target/bench/results/<time>."""
import glob
import json
import os
import sys


def load(folder):
    with open(os.path.join(folder, "results.jsonl"), encoding="utf-8") as f:
        runs = [json.loads(l) for l in f if l.strip()]
    hf = {}
    for path in glob.glob(os.path.join(folder, "hyperfine-*.json")):
        name = os.path.basename(path)[len("hyperfine-"):-len(".json")]
        with open(path, encoding="utf-8") as f:
            res = json.load(f)["results"][0]
        hf[name] = res
    return runs, hf


def mb(kb):
    return f"{kb / 1024:.0f}" if kb else "?"


def load_note(folder, key):
    try:
        with open(os.path.join(folder, f"load-{key}.txt"), encoding="utf-8") as f:
            return "→".join(l.strip() for l in f if l.strip())
    except OSError:
        return "?"


def clean(folder, runs, hf):
    """Wall times from hyperfine (median, min-max over its runs), CPU from hyperfine, RSS and checks from the
    measured run under /usr/bin/time."""
    rows = ["| models | page served | client | pages fetched | wall s median (min-max, n) | models/s (median) "
            "| CPU s user+sys | peak RSS MB | 429s | every model once | load before→after |",
            "|---:|---:|---|---:|---|---:|---:|---:|---:|---|---|"]
    for r in runs:
        if r["scenario"] != "clean":
            continue
        key = f"clean-{r['variant']}-{r['client']}"
        h = hf.get(key)
        if h:
            median = h["median"]
            wall = f"{median:.2f} ({h['min']:.2f}-{h['max']:.2f}, {len(h['times'])})"
            cpu = h["user"] + h["system"]
        else:
            median = r.get("wall_s") or 0
            wall = f"{median:.2f} (1 run)"
            cpu = (r.get("user_s") or 0) + (r.get("sys_s") or 0)
        rate = f"{(r['unique'] or 0) / median:,.0f}" if median else "?"
        page_asked = min(r["page"], 500) if r["client"] == "huggingface.js" else r["page"]
        rows.append(f"| {r['models']:,} | {r['page']} | {r['client']} | {r['list_requests']} ({page_asked}/page) "
                    f"| {wall} | {rate} | {cpu:.2f} | {mb(r.get('rss_kb'))} | {r['too_many']} "
                    f"| {'yes' if r['complete'] else 'NO'} ({r['unique']:,}) | {load_note(folder, key)} |")
    return "\n".join(rows)


def behaviour(runs, scenario):
    """One row per variant and client, over its runs: exit codes, median wall (min-max), what was met."""
    groups = {}
    for r in runs:
        if r["scenario"] == scenario:
            groups.setdefault((r["variant"], r["client"]), []).append(r)
    rows = ["| variant | client | runs | exit | wall s median (min-max) | requests | faults / 429s met "
            "| models written | every model once | load before | what the client said |",
            "|---|---|---:|---|---|---|---|---|---|---|---|"]
    for (variant, client), rs in groups.items():
        walls = sorted(r.get("wall_s") or 0 for r in rs)
        med = walls[len(walls) // 2]
        exits = ",".join(sorted({str(r["rc"]) for r in rs}))
        reqs = "/".join(sorted({str(r["requests"]) for r in rs}))
        if scenario == "faults":
            met = "/".join(sorted({",".join(f"{k} x{v}" for k, v in (r["faults"] or {}).items()) for r in rs}))
        else:
            met = "/".join(sorted({str(r["too_many"]) for r in rs})) + " x 429"
        written = "/".join(sorted({f"{r['unique'] or 0:,}" for r in rs}))
        complete = sum(1 for r in rs if r["complete"])
        r = rs[-1]
        said = (r.get("error") or "").replace("|", "\\|")
        if not said and r.get("logged_retries"):
            said = f"logged {r['logged_retries']} retries"
        if r.get("logged_rate_waits"):
            said = (said + "; " if said else "") + f"logged {r['logged_rate_waits']} rate-limit waits"
        rows.append(f"| {variant} | {client} | {len(rs)} | {exits} | {med:.2f} ({walls[0]:.2f}-{walls[-1]:.2f}) "
                    f"| {reqs} | {met} | {written} | {complete}/{len(rs)} "
                    f"| {'/'.join(str(r.get('load_before', '?')) for r in rs)} | {said[:200]} |")
    return "\n".join(rows)


def main():
    folder = sys.argv[1]
    runs, hf = load(folder)
    with open(os.path.join(folder, "machine.txt"), encoding="utf-8") as f:
        machine = f.read().strip()
    print("## Machine\n\n```\n" + machine + "\n```\n")
    if any(r["scenario"] == "clean" for r in runs):
        print("## Clean listing\n\n" + clean(folder, runs, hf) + "\n")
    if any(r["scenario"] == "faults" for r in runs):
        print("## Faults\n\n" + behaviour(runs, "faults") + "\n")
    if any(r["scenario"] == "quota" for r in runs):
        print("## Quota\n\n" + behaviour(runs, "quota") + "\n")
    if any(r["scenario"] == "latency" for r in runs):
        print("## Latency\n\n" + behaviour(runs, "latency") + "\n")


if __name__ == "__main__":
    main()
