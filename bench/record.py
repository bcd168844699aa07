"""One benchmark run as a JSON line: the client's exit status, /usr/bin/time -v figures, the stand-in's counts and
the id check. Used by crawl-benchmark.sh."""
import argparse
import json


def time_v(path):
    """Wall, user and system seconds and peak RSS (KiB) from a /usr/bin/time -v report."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            key, _, value = line.rpartition(": ")
            if key.startswith("Elapsed (wall clock) time"):
                parts = [float(p) for p in value.split(":")]
                secs = 0.0
                for p in parts:
                    secs = secs * 60 + p
                out["wall_s"] = round(secs, 2)
            elif key == "User time (seconds)":
                out["user_s"] = float(value)
            elif key == "System time (seconds)":
                out["sys_s"] = float(value)
            elif key == "Maximum resident set size (kbytes)":
                out["rss_kb"] = int(value)
    return out


def last_json_line(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [l for l in f.read().splitlines() if l.startswith("{")]
        return json.loads(lines[-1]) if lines else {}
    except (OSError, ValueError):
        return {}


def error_summary(path):
    """The first line that names an exception, for a client that failed without printing JSON (a Java trace)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if "Exception" in line or "Error" in line:
                    return line.strip()[:300]
    except OSError:
        pass
    return None


def warnings(path):
    """Retry and rate-limit messages the client logged (huggingface_hub logs each retry and wait)."""
    n_retry = n_rate = 0
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                n_retry += "Retrying in" in line
                n_rate += "Rate limited" in line
    except OSError:
        pass
    return n_retry, n_rate


def main():
    p = argparse.ArgumentParser()
    for a in ("scenario", "variant", "client", "page", "run", "rc", "time-file", "client-out", "client-err",
              "stats", "check", "load"):
        p.add_argument("--" + a, required=True)
    a = p.parse_args()
    stats = json.loads(a.stats) if a.stats else {}
    check = json.loads(a.check)
    client = last_json_line(a.client_out)
    r = {"scenario": a.scenario, "variant": a.variant, "client": a.client, "page": int(a.page), "run": int(a.run),
         "rc": int(a.rc), "load_before": float(a.load)}
    r.update(time_v(a.time_file))
    r.update({
        "models": stats.get("models"),
        "requests": stats.get("requests"),
        "list_requests": stats.get("listRequests"),
        "too_many": stats.get("tooMany"),
        "faults": stats.get("faults"),
        "status": stats.get("status"),
        "lines": check.get("lines"),
        "unique": check.get("unique"),
        "missing": check.get("missing"),
        "duplicated": check.get("duplicated"),
        "complete": check.get("complete"),
        "error": client.get("error") or (error_summary(a.client_err) if int(a.rc) != 0 else None),
    })
    retries, waits = warnings(a.client_err)
    r["logged_retries"] = retries
    r["logged_rate_waits"] = waits
    print(json.dumps(r))


if __name__ == "__main__":
    main()
