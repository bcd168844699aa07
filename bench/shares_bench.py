"""Shares benchmark: hubshare against DuckDB, polars and the official Hugging Face clients, whole process, on the same
files and the same loopback stand-in hub, with the inflate and raw-bytes floors. See docs/performance.md.

    python3 bench/shares_bench.py                 # everything: about 30 minutes on 2 cores
    python3 bench/shares_bench.py --quick         # 1 run of 257,601 models, 2 runs of the small cases: a few minutes
    python3 bench/shares_bench.py --cases sample,live --runs 5 --no-build

Cases (--cases), run in this order:
  sample   the bundled 15,156-model sample (start-up dominated): country and account shares
  live     a crawl of 303,060 models from the loopback stand-in hub with account shares, against huggingface_hub,
           @huggingface/hub and the raw bytes of the pages
  stream   the sample scaled to 2,500,245 models, one gzip stream: country, account, country with root attribution
  crawl    the same lines as a crawl writes them (one gzip member per 1,000 lines): the same jobs
  plain    the same lines as plain JSON Lines without the header (no inflate; hubshare counts the lines when it
           opens such a file): country and account

Installs what it needs under the data directory (default bench/.data/, outside git): a venv with duckdb, polars and
huggingface_hub, node_modules with @huggingface/hub, the scaled data (written once, reused). Builds hubshare with
`mvn -q package -DskipTests` unless --no-build. Writes <data>/results/<UTC time>/: results.jsonl (one line a run),
summary.json, report.md (the tables, printed at the end too) and logs/. Exits 1 if a tool failed or its totals differ
from hubshare's. `--report DIR` writes the report of a results folder again, also of a run that was stopped.
"""
import argparse
import csv
import datetime
import glob
import io
import json
import os
import platform
import shlex
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import scaled_snapshot  # noqa: E402
from record import time_v  # noqa: E402

HF_HUB_VERSION = "2.0.0"     # as crawl-benchmark.sh
HF_JS_VERSION = "2.17.5"
PIP_PACKAGES = ["duckdb", "polars", "huggingface_hub==" + HF_HUB_VERSION]
SAMPLE = os.path.join(ROOT, "examples", "data", "hub-sample-2026-08.jsonl.gz")
JAR = os.path.join(ROOT, "target", "hubshare-cli.jar")
# What `hubshare shares --by account` asks a live hub for (SharesCommand.fieldsNeeded); the official clients ask
# only for what their job reads (--peer-expand).
HUBSHARE_LIVE_FIELDS = "author,downloads"
PEER_LIVE_FIELDS = "author,downloads"
TOOL_NAMES = {"hubshare": "hubshare", "duckdb": "DuckDB", "polars": "polars", "huggingface_hub": "huggingface_hub",
              "huggingface.js": "@huggingface/hub", "gzip": "gzip -dc", "zlib": "zlib",
              "zlib-2": "zlib on 2 threads", "raw": "raw bytes", "raw-peer": "raw bytes"}
FLOORS = ("gzip", "zlib", "zlib-2", "raw", "raw-peer")
CASES = ["sample", "live", "stream", "crawl", "plain"]
CLK = os.sysconf("SC_CLK_TCK")


def log(msg):
    print(time.strftime("%H:%M:%S ", time.gmtime()) + msg, file=sys.stderr, flush=True)


def loadavg():
    with open("/proc/loadavg") as f:
        return [float(x) for x in f.read().split()[:3]]


def cpu_busy_seconds():
    """Seconds of CPU the whole machine spent busy (all cores), from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + (v[4] if len(v) > 4 else 0)
    return (sum(v[:8]) - idle) / CLK


def proc_cpu_seconds(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK
    except (OSError, IndexError, ValueError):
        return 0.0


class Runner:
    """Runs commands one at a time, whole process, with a timeout; records wall, CPU, peak RSS and the load."""

    def __init__(self, out_dir, timeout):
        self.logs = os.path.join(out_dir, "logs")
        os.makedirs(self.logs, exist_ok=True)
        self.timeout = timeout
        self.results = open(os.path.join(out_dir, "results.jsonl"), "a", encoding="utf-8")
        self.background = []  # pids whose CPU is not counted as other work (the stand-in hub)

    def run(self, tag, cmd, env=None, cwd=ROOT, keep_stdout=True):
        out_path = os.path.join(self.logs, tag + ".out")
        err_path = os.path.join(self.logs, tag + ".err")
        load_before = loadavg()
        busy0 = cpu_busy_seconds()
        bg0 = sum(proc_cpu_seconds(p) for p in self.background)
        timed_out = []
        time_path = os.path.join(self.logs, tag + ".time")
        # /usr/bin/time measures the peak RSS: a child's own counter would start from this process's size at fork.
        if os.access("/usr/bin/time", os.X_OK):
            cmd = ["/usr/bin/time", "-v", "-o", time_path] + list(cmd)
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.monotonic()
            try:
                p = subprocess.Popen(cmd, stdout=out if keep_stdout else subprocess.DEVNULL, stderr=err,
                                     stdin=subprocess.DEVNULL, cwd=cwd, env=env, start_new_session=True)
            except OSError as e:
                err.write(str(e).encode())
                return {"tag": tag, "cmd": " ".join(shlex.quote(c) for c in cmd), "rc": 127, "timeout": False,
                        "wall_s": 0.0, "user_s": 0, "sys_s": 0, "cpu_s": 0, "rss_mib": 0,
                        "load1_before": load_before[0], "load1_after": loadavg()[0], "others_cores": None,
                        "standin_cpu_s": None, "stdout": None, "stderr": err_path}

            def kill():
                timed_out.append(True)
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

            timer = threading.Timer(self.timeout, kill)
            timer.start()
            _, status, ru = os.wait4(p.pid, 0)
            wall = time.monotonic() - start
            timer.cancel()
            p.returncode = os.waitstatus_to_exitcode(status)
            try:
                os.killpg(p.pid, signal.SIGKILL)  # anything the command left behind
            except ProcessLookupError:
                pass
        busy = cpu_busy_seconds() - busy0
        user, system, rss_kb = ru.ru_utime, ru.ru_stime, ru.ru_maxrss
        if cmd[0] == "/usr/bin/time":
            cmd = cmd[4:]
            t = time_v(time_path) if os.path.exists(time_path) else {}
            if "rss_kb" in t:
                user, system, rss_kb = t["user_s"], t["sys_s"], t["rss_kb"]
        cpu = user + system
        bg = sum(proc_cpu_seconds(p) for p in self.background) - bg0
        r = {"tag": tag, "cmd": " ".join(shlex.quote(c) for c in cmd), "rc": p.returncode,
             "timeout": bool(timed_out), "wall_s": round(wall, 3), "user_s": round(user, 2),
             "sys_s": round(system, 2), "cpu_s": round(cpu, 2), "rss_mib": round(rss_kb / 1024, 1),
             "load1_before": load_before[0], "load1_after": loadavg()[0],
             # cores busy with other work during the run: the machine's busy time less this run's and the stand-in's
             "others_cores": round(max(0.0, busy - cpu - bg) / wall, 2) if wall > 0 else None,
             "standin_cpu_s": round(bg, 2) if self.background else None,
             "stdout": out_path if keep_stdout else None, "stderr": err_path}
        return r


# ---------------------------------------------------------------------------------------------------------------
# Set-up

def sh(cmd, log_path, cwd=ROOT, env=None):
    with open(log_path, "ab") as f:
        return subprocess.run(cmd, cwd=cwd, env=env, stdout=f, stderr=subprocess.STDOUT).returncode


def setup_tools(data_dir, logs, need_python, need_node):
    venv = os.path.join(data_dir, "venv")
    py = os.path.join(venv, "bin", "python")
    if need_python:
        check = ("import duckdb, polars, huggingface_hub as h; assert h.__version__ == %r" % HF_HUB_VERSION)
        if not os.path.exists(py) or subprocess.run([py, "-c", check], capture_output=True).returncode != 0:
            log("installing %s into %s" % (", ".join(PIP_PACKAGES), venv))
            if not os.path.exists(py) and sh([sys.executable, "-m", "venv", venv], os.path.join(logs, "pip.log")):
                sys.exit("python3 -m venv failed: see %s/pip.log" % logs)
            if sh([py, "-m", "pip", "install", "-q", "--retries", "1"] + PIP_PACKAGES, os.path.join(logs, "pip.log")):
                sys.exit("pip install failed: see %s/pip.log" % logs)
    node_dir = os.path.join(data_dir, "node")
    if need_node:
        pkg = os.path.join(node_dir, "node_modules", "@huggingface", "hub", "package.json")
        version = None
        if os.path.exists(pkg):
            with open(pkg, encoding="utf-8") as f:
                version = json.load(f).get("version")
        if version != HF_JS_VERSION:
            log("installing @huggingface/hub %s into %s" % (HF_JS_VERSION, node_dir))
            os.makedirs(node_dir, exist_ok=True)
            if not os.path.exists(os.path.join(node_dir, "package.json")):
                with open(os.path.join(node_dir, "package.json"), "w") as f:
                    f.write('{"name":"hubshare-bench","private":true,"type":"module"}\n')
            if sh(["npm", "install", "--prefix", node_dir, "--no-audit", "--no-fund", "--silent",
                   "@huggingface/hub@" + HF_JS_VERSION], os.path.join(logs, "npm.log")):
                sys.exit("npm install failed: see %s/npm.log" % logs)
        # ESM resolves packages from the script's own folder, so the script runs from beside node_modules.
        with open(os.path.join(HERE, "crawl_hfjs.mjs"), "rb") as s, \
                open(os.path.join(node_dir, "crawl_hfjs.mjs"), "wb") as d:
            d.write(s.read())
    return py, node_dir


def build(logs):
    log("building hubshare (mvn -q package -DskipTests)")
    if sh(["mvn", "-q", "package", "-DskipTests"], os.path.join(logs, "build.log")):
        sys.exit("build failed: see %s/build.log" % logs)


def standin_classpath():
    """The test classes holding io.hubshare.bench.StandInHub (a module's target/, else the single-module
    target/ of older layouts), then the jar."""
    found = (sorted(glob.glob(os.path.join(ROOT, "*", "target", "test-classes", "io", "hubshare", "bench",
                                           "StandInHub.class")))
             + glob.glob(os.path.join(ROOT, "target", "test-classes", "io", "hubshare", "bench", "StandInHub.class")))
    if not found:
        sys.exit("io.hubshare.bench.StandInHub is not compiled: run mvn -q package -DskipTests")
    classes = found[0][: -len("/io/hubshare/bench/StandInHub.class")]
    return classes + os.pathsep + JAR


def registry_accounts(data_dir):
    """The jar's origin registry (io/hubshare/origin/origins.csv) reduced to account key -> country, for the peers."""
    with zipfile.ZipFile(JAR) as z:
        text = z.read("io/hubshare/origin/origins.csv").decode("utf-8")
    lines = [l for l in text.splitlines() if l.strip() and not l.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
    path = os.path.join(data_dir, "origins-accounts.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account", "country"])
        for r in rows:
            w.writerow([r["account"].strip().lower(), r["country"].strip().upper()])
    return path, len(rows)


# ---------------------------------------------------------------------------------------------------------------
# Results: every tool's answer in one form, compared with hubshare's

def normalise(stdout_path, tool, dimension):
    """{"total", "unknown", "unknownModels", "models", "rows": {key: [value, models]}} from a tool's stdout."""
    with open(stdout_path, encoding="utf-8") as f:
        text = f.read()
    if tool != "hubshare":
        d = json.loads(text.strip().splitlines()[-1])
        return {k: d[k] for k in ("total", "unknown", "unknownModels", "models", "rows")}
    d = json.loads(text)
    rows = {}
    for r in d["rows"]:
        key = r["key"].lower() if dimension == "account" else r["key"]
        v = rows.setdefault(key, [0, 0])
        v[0] += r["value"]
        v[1] += r["models"]
    unknown_row = d.get("unknownRow") or {}
    return {"total": d["total"], "unknown": d["unknown"], "unknownModels": unknown_row.get("models"),
            "models": d["models"]["seen"], "rows": rows}


def differences(ref, got, rows=True):
    out = []
    for k in ("total", "unknown", "unknownModels", "models") if rows else ("total", "models"):
        if ref.get(k) != got.get(k):
            out.append("%s %s != %s" % (k, got.get(k), ref.get(k)))
    if rows:
        a, b = ref["rows"], got["rows"]
        for k in sorted(set(a) | set(b), key=str):
            if a.get(k) != b.get(k):
                out.append("row %s: %s != %s" % (k, b.get(k), a.get(k)))
                if len(out) >= 12:
                    out.append("...")
                    break
    return out


# ---------------------------------------------------------------------------------------------------------------
# The jobs

class Job:
    def __init__(self, case, job, tool, cmd, dimension=None, env=None, cwd=ROOT, keep_stdout=True):
        self.case, self.job, self.tool, self.cmd = case, job, tool, cmd
        self.dimension, self.env, self.cwd, self.keep_stdout = dimension, env, cwd, keep_stdout

    @property
    def key(self):
        return "%s-%s-%s" % (self.case, self.job, self.tool)


LAUNCHER = "jar"  # --launcher: "jar" runs java -jar target/hubshare-cli.jar, "bin" the project's bin/hubshare


def hubshare_cmd(args, java_opts):
    if LAUNCHER == "bin":
        return [os.path.join(ROOT, "bin", "hubshare")] + args  # JVM options reach it as JAVA_OPTS (main)
    return ["java"] + java_opts + ["-jar", JAR] + args


def file_jobs(case, path, py, accounts, java_opts, tools, with_root=True, with_hubshare=True, floor=True,
              once=False):
    """The jobs over one file; with once, the peers count each repository once at its first line (ids ignoring
    case), as hubshare does: needed for the bundled sample, which lists three repositories twice."""
    jobs = []
    for dim in ("country", "account"):
        if with_hubshare and "hubshare" in tools:
            jobs.append(Job(case, dim, "hubshare", hubshare_cmd(
                ["shares", "--by", dim, "--from", path, "--format", "json"], java_opts), dim))
        for peer in ("duckdb", "polars"):
            if peer in tools:
                jobs.append(Job(case, dim, peer, [py, os.path.join(HERE, "shares_peer.py"), peer, dim, path]
                                + ([accounts] if dim == "country" else []) + (["--once"] if once else []), dim))
    if with_root and with_hubshare and "hubshare" in tools:
        jobs.append(Job(case, "country-root", "hubshare", hubshare_cmd(
            ["shares", "--by", "country", "--attribution", "root", "--from", path, "--format", "json"], java_opts),
            "country"))
    if floor and "floor" in tools:
        # One thread: gzip's own inflate and zlib's; two threads only where the file has members to share out.
        jobs.append(Job(case, "floor", "gzip", ["gzip", "-dc", path], keep_stdout=False))
        jobs.append(Job(case, "floor", "zlib", [sys.executable, os.path.join(HERE, "inflate.py"), path]))
        if case == "crawl":
            jobs.append(Job(case, "floor", "zlib-2", [sys.executable, os.path.join(HERE, "inflate.py"), path,
                                                      "--threads", "2"]))
    return jobs


def live_jobs(url, py, node_dir, java_opts, tools, peer_fields):
    env = {k: v for k, v in os.environ.items() if k not in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")}
    env["HF_HUB_DISABLE_IMPLICIT_TOKEN"] = "1"
    jobs = []
    if "hubshare" in tools:
        jobs.append(Job("live", "account", "hubshare", hubshare_cmd(
            ["shares", "--by", "account", "--endpoint", url, "--format", "json"], java_opts), "account", env=env))
    if "huggingface_hub" in tools:
        jobs.append(Job("live", "account", "huggingface_hub",
                        [py, os.path.join(HERE, "crawl_hf.py"), "--account-shares", url, peer_fields], "account",
                        env=env))
    if "huggingface.js" in tools:
        jobs.append(Job("live", "account", "huggingface.js",
                        ["node", os.path.join(node_dir, "crawl_hfjs.mjs"), "--account-shares", url, peer_fields],
                        "account", env=env, cwd=node_dir))
    if "floor" in tools:
        jobs.append(Job("live", "floor", "raw", [sys.executable, os.path.join(HERE, "raw_pages.py"), url,
                                                 HUBSHARE_LIVE_FIELDS, "1000"]))
        if peer_fields != HUBSHARE_LIVE_FIELDS:
            jobs.append(Job("live", "floor", "raw-peer", [sys.executable, os.path.join(HERE, "raw_pages.py"), url,
                                                          peer_fields, "1000"]))
    return jobs


class StandIn:
    def __init__(self, logs, repeat, cp):
        self.log_path = os.path.join(logs, "standin.log")
        self.ids = os.path.join(logs, "standin-ids.txt")
        cmd = ["java", "-Xmx4g", "-cp", cp, "io.hubshare.bench.StandInHub", "--repeat", str(repeat),
               "--quota", "1000000000", "--window", "300", "--default-limit", "1000", "--max-limit", "1000",
               "--prerender", HUBSHARE_LIVE_FIELDS, "--ids-out", self.ids]
        self.f = open(self.log_path, "wb")
        self.p = subprocess.Popen(cmd, stdout=self.f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=ROOT,
                                  start_new_session=True)
        self.url = None
        for _ in range(600):
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            i = text.find("http://127.0.0.1:")
            if i >= 0:
                self.url = text[i:].split()[0]
                break
            if self.p.poll() is not None:
                break
            time.sleep(0.2)
        if not self.url:
            self.stop()
            sys.exit("the stand-in hub did not start: see " + self.log_path)
        log(text.strip().splitlines()[0])

    def reset(self):
        urllib.request.urlopen(urllib.request.Request(self.url + "/_stand-in/reset", method="POST"), timeout=10).read()

    def stats(self):
        return json.loads(urllib.request.urlopen(self.url + "/_stand-in/stats", timeout=10).read())

    def stop(self):
        if self.p.poll() is None:
            self.p.terminate()
            try:
                self.p.wait(10)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        self.f.close()


def run_case(runner, jobs, runs, warmup, standin=None):
    """Every job `runs` times, the order rotated each round so that drift in the load falls on every tool alike."""
    records = []
    if warmup:
        for j in jobs:
            if standin:
                standin.reset()
            r = runner.run("warmup-" + j.key, j.cmd, env=j.env, cwd=j.cwd, keep_stdout=j.keep_stdout)
            if r["rc"] != 0:
                log("  warm-up of %s failed (exit %s): see %s" % (j.key, r["rc"], r["stderr"]))
    for rep in range(runs):
        k = rep % len(jobs)
        for j in jobs[k:] + jobs[:k]:
            if standin:
                standin.reset()
            rec = {"case": j.case, "job": j.job, "tool": j.tool, "run": rep + 1}
            r = runner.run("%s-%d" % (j.key, rep + 1), j.cmd, env=j.env, cwd=j.cwd, keep_stdout=j.keep_stdout)
            if standin:
                s = standin.stats()
                r["list_requests"] = s.get("listRequests")
                r["models_served"] = s.get("modelsServed")
            if r["rc"] == 0 and j.dimension:
                try:
                    r["result"] = normalise(r["stdout"], j.tool, j.dimension)
                except (ValueError, KeyError, IndexError) as e:
                    r["rc"] = -1
                    r["error"] = "unreadable output: %s" % e
            r.update(rec)
            result = r.pop("result", None)
            runner.results.write(json.dumps(r) + "\n")
            runner.results.flush()
            r["result"] = result
            records.append(r)
            log("  %-34s run %d: %s%.2f s, %.0f MiB, load %.2f, others %.2f cores" % (
                j.key, rep + 1, "" if r["rc"] == 0 else "EXIT %s%s, " % (r["rc"], " (timeout)" if r["timeout"] else ""),
                r["wall_s"], r["rss_mib"], r["load1_before"], r["others_cores"] or 0))
    return records


# ---------------------------------------------------------------------------------------------------------------
# Summaries and the report

def summarise(records):
    groups = {}
    for r in records:
        groups.setdefault((r["case"], r["job"], r["tool"]), []).append(r)
    out = {}
    for key, rs in groups.items():
        ok = [r for r in rs if r["rc"] == 0]
        walls = sorted(r["wall_s"] for r in ok)
        s = {"case": key[0], "job": key[1], "tool": key[2], "runs": len(rs), "ok": len(ok),
             "failures": [("exit %s%s: %s" % (r["rc"], " (timeout)" if r["timeout"] else "", r["stderr"]))
                          for r in rs if r["rc"] != 0]}
        if ok:
            s.update({"median_s": round(statistics.median(walls), 3), "min_s": walls[0], "max_s": walls[-1],
                      "cpu_s": round(statistics.median(r["cpu_s"] for r in ok), 2),
                      "rss_mib": max(r["rss_mib"] for r in ok),
                      "load1": [min(r["load1_before"] for r in rs), max(r["load1_before"] for r in rs)],
                      "others_cores": round(statistics.median(r["others_cores"] or 0 for r in ok), 2)})
            if ok[0].get("list_requests") is not None:
                s["list_requests"] = ok[0]["list_requests"]
                s["models_served"] = ok[0]["models_served"]
        out[key] = s
    return out


def verify(records, manifest, sample_models):
    """Each tool's answer against hubshare's for the same case and job; hubshare against itself across runs and
    layouts, and against what the data holds. Returns {(case, job, tool): [problems]}."""
    problems = {}
    answers = {}
    for r in records:
        if r.get("result") is not None:
            answers.setdefault((r["case"], r["job"], r["tool"]), []).append(r["result"])
    refs = {}
    for (case, job, tool), results in answers.items():
        if tool == "hubshare":
            refs[(case, job)] = results[0]
    for (case, job, tool), results in answers.items():
        p = problems.setdefault((case, job, tool), [])
        ref = refs.get((case, job))
        if ref is None and case == "plain":
            ref = refs.get(("stream", job))  # the plain export holds the stream's model lines
        for res in results:
            if ref is None:
                p.append("no hubshare answer to compare with")
                break
            d = differences(ref, res)
            if d:
                p.extend(d)
                break
    # hubshare: the layouts of the scaled data must give the same answer; root moves value between rows only
    for job in ("country", "account", "country-root"):
        for case in ("crawl", "plain"):
            a, b = refs.get(("stream", job)), refs.get((case, job))
            if a and b:
                d = differences(a, b)
                if d:
                    problems.setdefault((case, job, "hubshare"), []).extend(["%s layout != stream: %s" % (case, x)
                                                                            for x in d])
    for case in ("sample", "stream", "crawl"):
        a, b = refs.get((case, "country")), refs.get((case, "country-root"))
        if a and b:
            d = differences(a, b, rows=False)
            if d:
                problems.setdefault((case, "country-root", "hubshare"), []).extend(["root != uploader: " + x for x in d])
    if manifest:
        for case in ("stream", "crawl"):
            ref = refs.get((case, "country"))
            if ref and (ref["total"] != manifest["downloads"] or ref["models"] != manifest["models"]):
                problems.setdefault((case, "country", "hubshare"), []).append(
                    "hubshare read %s models, %s downloads; the data holds %s, %s" % (
                        ref["models"], ref["total"], manifest["models"], manifest["downloads"]))
    ref = refs.get(("sample", "country"))
    if ref and ref["models"] != sample_models:
        problems.setdefault(("sample", "country", "hubshare"), []).append(
            "hubshare read %s models; the sample holds %s distinct ids" % (ref["models"], sample_models))
    return {k: v for k, v in problems.items() if v}


def fmt_s(s):
    return "%.2f s" % s if s < 10 else "%.1f s" % s


def cell(s, rss=True):
    if not s or not s.get("ok"):
        return "failed" if s else "—"
    text = "%s (%s–%s), CPU %s" % (fmt_s(s["median_s"]), fmt_s(s["min_s"]).replace(" s", ""), fmt_s(s["max_s"]),
                                   fmt_s(s["cpu_s"]))
    if rss:
        text += ", %.0f MiB" % s["rss_mib"]
    return text


def ratio(a, b, cpu=False):
    """a's median wall time over b's; with cpu, the ratio of their CPU times follows in brackets."""
    if not a or not b or not a.get("ok") or not b.get("ok"):
        return "—"
    text = "%.2f×" % (a["median_s"] / b["median_s"])
    if cpu and b["cpu_s"] > 0:
        text += " (CPU %.2f×)" % (a["cpu_s"] / b["cpu_s"])
    return text


def report(summary, problems, ctx):
    S = lambda case, job, tool: summary.get((case, job, tool))  # noqa: E731
    lines = []
    m = ctx.get("manifest") or {}
    models = "{:,}".format(m["models"]) if m else "?"
    mb = lambda k: "%.0f MB" % (m["bytes"][k] / 1e6) if m else "?"  # noqa: E731
    live_models = ctx.get("live_models")

    def peers(case, job, names):
        got = sorted((s for s in (S(case, job, n) for n in names) if s and s.get("ok")), key=lambda s: s["median_s"])
        return got

    def peer_text(got):
        return ", ".join("%s %s (CPU %s)" % (TOOL_NAMES[s["tool"]], fmt_s(s["median_s"]), fmt_s(s["cpu_s"]))
                         for s in got) or "—"

    def verdict(ok, text):
        return ("met" if ok else "**not met**") + " (" + text + ")"

    rows = []
    issue_rows = [
        ("stream", "country", "country shares, %s-model snapshot, one gzip stream (%s)" % (models, mb("stream"))),
        ("stream", "account", "account shares, same"),
        ("crawl", "country", "country shares, same models written as a crawl writes them (gzip member per 1,000 "
                             "lines, %s)" % mb("crawl")),
        ("crawl", "account", "account shares, crawl layout"),
        ("stream", "country-root", "country shares, root attribution, one stream"),
        ("crawl", "country-root", "country shares, root attribution, crawl layout"),
        ("sample", "country", "country shares, 15,156-model sample"),
        ("sample", "account", "account shares, 15,156-model sample"),
    ]
    for case, job, label in issue_rows:
        h = S(case, job, "hubshare")
        if not h:
            continue
        if job == "country-root":
            up = S(case, "country", "hubshare")
            r = ratio(h, up)
            target = verdict(h.get("ok") and up and up.get("ok") and h["median_s"] <= 1.5 * up["median_s"],
                             "≤ 1.5× the uploader case: %s" % r)
            rows.append("| %s | %s | — | — | — | — | %s |" % (label, cell(h), target))
            continue
        got = peers(case, job, ("duckdb", "polars"))
        best = got[0] if got else None
        floors = [f for f in (S(case, "floor", t) for t in ("gzip", "zlib", "zlib-2")) if f and f.get("ok")]
        floor = min(floors, key=lambda f: f["median_s"]) if floors else None
        if case == "sample":
            target = verdict(h.get("ok") and h["median_s"] < 1.0, "under 1 s")
        else:
            target = verdict(bool(best) and h.get("ok") and h["median_s"] <= best["median_s"],
                             "no slower than %s: %s" % (TOOL_NAMES[best["tool"]] if best else "the best peer",
                                                        ratio(h, best)))
        rows.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            label, cell(h), peer_text(got), "inflate only: " + ", ".join(
                "%s %s" % (TOOL_NAMES[f["tool"]], fmt_s(f["median_s"])) for f in floors) if floors else "—",
            ratio(h, best, cpu=True), ratio(h, floor), target))
    h = S("live", "account", "hubshare")
    if h:
        got = peers("live", "account", ("huggingface.js", "huggingface_hub"))
        best = got[0] if got else None
        floor = S("live", "floor", "raw")
        ok = (h.get("ok") and best and floor and floor.get("ok") and h["median_s"] <= 0.2 * best["median_s"]
              and h["median_s"] <= 3 * floor["median_s"])
        target = verdict(ok, "≤ 0.2× the fastest official client: %s; ≤ 3× raw bytes: %s" % (
            ratio(h, best), ratio(h, floor)))
        rows.append("| crawl + account shares, live listing of %s models on loopback | %s | %s | %s | %s | %s | %s |"
                    % ("{:,}".format(live_models) if live_models else "?", cell(h), peer_text(got),
                       ("raw bytes: %s" % fmt_s(floor["median_s"])) if floor and floor.get("ok") else "—",
                       ratio(h, best, cpu=True), ratio(h, floor), target))
    lines.append("| job | hubshare: wall median (min–max), CPU, peak RSS | the other tools: wall (CPU), medians "
                 "| floor | hubshare ÷ best other: wall (CPU) | hubshare ÷ floor | target |")
    lines.append("|---|---|---|---|---:|---:|---|")
    lines.extend(rows)
    lines.append("")
    lines.append("Every run, whole process (medians of %s; the small cases %s after one warm-up):" % (
        ctx["runs"], ctx["small_runs"]))
    lines.append("")
    lines.append("| case | job | tool | wall: median (min–max) | CPU s (median) | peak RSS MiB | load1 before "
                 "| other work, cores | totals |")
    lines.append("|---|---|---|---|---:|---:|---|---:|---|")
    order = {c: i for i, c in enumerate(CASES)}
    for key in sorted(summary, key=lambda k: (order.get(k[0], 9), k[1], k[2])):
        s = summary[key]
        p = problems.get(key)
        if s["tool"] in FLOORS:
            check = "—"
        elif p:
            check = "**MISMATCH**: " + "; ".join(p)[:300]
        elif s["tool"] == "hubshare":
            check = "reference"
        else:
            check = "= hubshare" if s.get("ok") else "—"
        tool = TOOL_NAMES[s["tool"]]
        if s["tool"] == "raw":
            # Runs before hubshare asked only for what its computation reads recorded no fields: they asked for these.
            tool = "raw bytes (%s)" % ctx.get("hubshare_fields", "author,createdAt,tags,downloads")
        elif s["tool"] == "raw-peer":
            tool = "raw bytes (%s)" % ctx["peer_fields"]
        if s.get("list_requests") is not None:
            tool += " [%s pages]" % s["list_requests"]
        if not s.get("ok"):
            lines.append("| %s | %s | %s | **failed** %d/%d: %s | | | | | |" % (
                s["case"], s["job"], tool, s["runs"] - s["ok"], s["runs"], "; ".join(s["failures"])[:200]))
            continue
        lines.append("| %s | %s | %s | %s (%s–%s) | %.2f | %.0f | %.2f–%.2f | %.2f | %s |" % (
            s["case"], s["job"], tool, fmt_s(s["median_s"]), fmt_s(s["min_s"]).replace(" s", ""),
            fmt_s(s["max_s"]), s["cpu_s"], s["rss_mib"], s["load1"][0], s["load1"][1], s["others_cores"], check))
    lines.append("")
    for k, v in sorted(problems.items()):
        if k not in summary:
            lines.append("**MISMATCH** %s: %s" % ("/".join(k), "; ".join(v)))
    return "\n".join(lines)


def machine(ctx, py, node_dir):
    def out(cmd, cwd=ROOT):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=60).stdout.strip() or \
                subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=60).stderr.strip()
        except (OSError, subprocess.TimeoutExpired):
            return "?"
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 1024 / 1024
    versions = out([py, "-c", "import duckdb, polars, huggingface_hub; print('duckdb', duckdb.__version__ + ',', "
                              "'polars', polars.__version__ + ',', 'huggingface_hub', huggingface_hub.__version__)"]) \
        if py else "?"
    js = "?"
    try:
        with open(os.path.join(node_dir, "node_modules", "@huggingface", "hub", "package.json")) as f:
            js = json.load(f)["version"]
    except OSError:
        pass
    java = out(["java", "-version"]).splitlines()
    rev, dirty = ctx.get("rev") or (out(["git", "rev-parse", "--short", "HEAD"]), None)
    if dirty is None:
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD"], cwd=ROOT).returncode != 0
    return "\n".join([
        "date: " + ctx["started"],
        "machine: %d cores (%s), %.0f GiB, %s %s" % (os.cpu_count(), cpu, mem, platform.system(), platform.release()),
        "java: " + (java[1] if len(java) > 1 else "?") + " (hubshare run as `%s`%s)"
        % ("bin/hubshare" if ctx.get("launcher") == "bin" else "java -jar target/hubshare-cli.jar",
           ", JVM options " + " ".join(ctx["java_opts"]) if ctx["java_opts"] else ", no JVM options"),
        "python: %s (%s), node %s (@huggingface/hub %s), %s" % (
            out([py, "--version"]) if py else "?", versions, out(["node", "--version"]), js,
            out(["gzip", "--version"]).splitlines()[0] if out(["gzip", "--version"]) else "gzip ?"),
        "hubshare: %s%s" % (rev, " (with uncommitted changes)" if dirty else ""),
        "command: " + ctx["command"],
        "load average (1, 5, 15 min) at the start: %s; at the end: %s" % (
            ", ".join("%.2f" % x for x in ctx["load_start"]), ", ".join("%.2f" % x for x in ctx.get("load_end", []))),
    ])


def main():
    # On SIGTERM, unwind like Ctrl-C so that the stand-in hub is stopped (it runs in a process group of its own).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    a = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 2)[2])
    a.add_argument("--quick", action="store_true", help="1 run of 17 copies (257,601 models), 2 runs of the small "
                                                        "cases, 2 copies (30,306 models) served live")
    a.add_argument("--runs", type=int, help="runs of each scaled case (default 3)")
    a.add_argument("--small-runs", type=int, help="runs of the sample and live cases, after a warm-up (default 5)")
    a.add_argument("--copies", type=int, help="copies of the sample in the scaled data (default 165: 2,500,245 models)")
    a.add_argument("--live-repeat", type=int, help="copies the stand-in serves (default 20: 303,060 models)")
    a.add_argument("--cases", default=",".join(CASES), help="comma-separated: " + ",".join(CASES))
    a.add_argument("--tools", default="hubshare,duckdb,polars,huggingface_hub,huggingface.js,floor",
                   help="comma-separated, default all: hubshare,duckdb,polars,huggingface_hub,huggingface.js,floor")
    a.add_argument("--peer-expand", default=PEER_LIVE_FIELDS,
                   help="fields the official clients ask the live hub for (default %s)" % PEER_LIVE_FIELDS)
    a.add_argument("--timeout", type=float, default=600, help="seconds before a run is killed (default 600)")
    a.add_argument("--java-opts", default="", help="JVM options for hubshare (default none, as users run it)")
    a.add_argument("--launcher", choices=("jar", "bin"), default="jar",
                   help="run hubshare as `java -jar target/hubshare-cli.jar` (default) or as bin/hubshare, the "
                        "launcher with the class-data archive and the settings for small inputs")
    a.add_argument("--no-build", action="store_true", help="use target/hubshare-cli.jar as it is")
    a.add_argument("--data-dir", default=os.path.join(ROOT, "bench", ".data"))
    a.add_argument("--out", help="results folder (default DATA/results/<UTC time>)")
    a.add_argument("--report", metavar="DIR", help="only write the report of the runs in DIR again (a results "
                                                   "folder, also of a run that was stopped)")
    args = a.parse_args()
    if args.report:
        ctx, records = rebuild(args.report)
        return finish(args.report, ctx, records)
    runs = args.runs or (1 if args.quick else 3)
    small_runs = args.small_runs or (2 if args.quick else 5)
    copies = args.copies or (17 if args.quick else 165)
    live_repeat = args.live_repeat or (2 if args.quick else 20)
    cases = [c for c in args.cases.split(",") if c]
    tools = set(t for t in args.tools.split(",") if t)
    for c in cases:
        if c not in CASES:
            sys.exit("unknown case %s: %s" % (c, ", ".join(CASES)))
    started = datetime.datetime.now(datetime.timezone.utc)
    out_dir = args.out or os.path.join(args.data_dir, "results", started.strftime("%Y%m%dT%H%M%SZ"))
    os.makedirs(out_dir, exist_ok=True)
    global LAUNCHER
    LAUNCHER = args.launcher
    if LAUNCHER == "bin":
        if not os.access(os.path.join(ROOT, "bin", "hubshare"), os.X_OK):
            sys.exit("bin/hubshare is missing or not executable")
        if args.java_opts:
            os.environ["JAVA_OPTS"] = args.java_opts
    ctx = {"started": started.strftime("%Y-%m-%d %H:%M UTC"), "runs": runs, "small_runs": small_runs,
           "launcher": LAUNCHER,
           "command": "python3 bench/shares_bench.py " + " ".join(shlex.quote(x) for x in sys.argv[1:]),
           "java_opts": shlex.split(args.java_opts), "load_start": loadavg(), "peer_fields": args.peer_expand,
           "hubshare_fields": HUBSHARE_LIVE_FIELDS}
    logs = os.path.join(out_dir, "logs")
    os.makedirs(logs, exist_ok=True)
    log("results in " + out_dir)
    # The revision measured, taken now: the tree may change while the benchmark runs.
    ctx["rev"] = [subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip(),
                  subprocess.run(["git", "diff", "--quiet", "HEAD"], cwd=ROOT).returncode != 0]

    py, node_dir = setup_tools(args.data_dir, logs, need_python=bool(tools & {"duckdb", "polars", "huggingface_hub"}),
                               need_node="live" in cases and "huggingface.js" in tools)
    if not args.no_build:
        build(logs)
    if not os.path.exists(JAR):
        sys.exit("%s is missing: run mvn -q package -DskipTests" % JAR)
    accounts, n_accounts = registry_accounts(args.data_dir)
    ctx.update({"py": py, "node_dir": node_dir})
    log("origin registry: %d accounts from the jar's io/hubshare/origin/origins.csv -> %s" % (n_accounts, accounts))
    manifest = None
    if set(cases) & {"stream", "crawl", "plain"}:
        manifest = scaled_snapshot.prepare(copies, args.data_dir, log=log)
        ctx["manifest"] = manifest
    save_context(out_dir, ctx)
    files = scaled_snapshot.paths(args.data_dir, copies)
    with open(os.path.join(out_dir, "settings.json"), "w") as f:
        json.dump({"runs": runs, "small_runs": small_runs, "copies": copies, "live_repeat": live_repeat,
                   "cases": cases, "tools": sorted(tools), "peer_expand": args.peer_expand,
                   "timeout": args.timeout, "java_opts": ctx["java_opts"], "manifest": manifest}, f, indent=1)

    runner = Runner(out_dir, args.timeout)
    java_opts = ctx["java_opts"]
    records = []
    for case in cases:
        if case == "sample":
            log("case sample: %s" % SAMPLE)
            records += run_case(runner, file_jobs("sample", SAMPLE, py, accounts, java_opts, tools, once=True),
                                small_runs, True)
        elif case in ("stream", "crawl"):
            path = files[case]
            log("case %s: %s" % (case, path))
            if os.path.exists(path + ".cols"):
                # hubshare answers from a columnar companion (hubshare index) that matches its snapshot.
                log("  warning: %s.cols exists: hubshare may read it instead of the snapshot; delete it to measure "
                    "the snapshot" % path)
                ctx.setdefault("warnings", []).append("%s.cols existed during the %s case: hubshare may have read "
                                                      "the companion" % (os.path.basename(path), case))
            subprocess.run(["cat", path], stdout=subprocess.DEVNULL)  # into the page cache before the first run
            records += run_case(runner, file_jobs(case, path, py, accounts, java_opts, tools), runs, False)
        elif case == "plain":
            path = files["plain"]
            log("case plain: %s" % path)
            subprocess.run(["cat", path], stdout=subprocess.DEVNULL)
            records += run_case(runner, file_jobs("plain", path, py, accounts, java_opts, tools, with_root=False,
                                                  floor=False), runs, False)
        elif case == "live":
            log("case live: starting the stand-in hub with %d copies of the sample" % live_repeat)
            standin = StandIn(logs, live_repeat, standin_classpath())
            try:
                runner.background = [standin.p.pid]
                with open(standin.ids, encoding="utf-8") as f:
                    ctx["live_models"] = sum(1 for line in f if line.strip())
                save_context(out_dir, ctx)
                records += run_case(runner, live_jobs(standin.url, py, node_dir, java_opts, tools, args.peer_expand),
                                    small_runs, True, standin=standin)
            finally:
                runner.background = []
                standin.stop()
    ctx["load_end"] = loadavg()
    ctx["machine"] = machine(ctx, py, node_dir)
    save_context(out_dir, ctx)
    return finish(out_dir, ctx, records)


def save_context(out_dir, ctx):
    with open(os.path.join(out_dir, "context.json"), "w", encoding="utf-8") as f:
        json.dump(ctx, f, indent=1)


def rebuild(out_dir):
    """The records of a run from its folder, the answers read again from the logs: for a run that was stopped."""
    with open(os.path.join(out_dir, "context.json"), encoding="utf-8") as f:
        ctx = json.load(f)
    records = []
    with open(os.path.join(out_dir, "results.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["rc"] == 0 and r.get("stdout") and r["tool"] not in FLOORS:
                try:
                    r["result"] = normalise(r["stdout"], r["tool"], "account" if r["job"] == "account" else "country")
                except (OSError, ValueError, KeyError, IndexError) as e:
                    r["rc"], r["error"] = -1, "unreadable output: %s" % e
            records.append(r)
    if "load_end" not in ctx and records:
        ctx["load_end"] = [records[-1]["load1_after"]]
    return ctx, records


def finish(out_dir, ctx, records):
    """Checks the answers, writes report.md and summary.json, prints the report; 1 if anything failed or differs."""
    manifest = ctx.get("manifest")
    py, node_dir = ctx["py"], ctx["node_dir"]
    with gzip_open(SAMPLE) as f:
        next(f)
        sample_models = len({json.loads(line)["id"].lower() for line in f if line.strip()})
    summary = summarise(records)
    problems = verify(records, manifest, sample_models)
    for r in records:  # a live peer must also have seen every model the stand-in served
        if r["case"] == "live" and r.get("result") and ctx.get("live_models") and \
                r["result"]["models"] != ctx["live_models"]:
            problems.setdefault(("live", r["job"], r["tool"]), []).append(
                "saw %s models of %s served" % (r["result"]["models"], ctx["live_models"]))
    # The machine as it was at the end of the run; a stopped run's report describes it as it is now.
    text = ("## Shares benchmark\n\n```\n" + (ctx.get("machine") or machine(ctx, py, node_dir)) + "\n```\n\n"
            + "".join("**Warning**: %s.\n\n" % w for w in ctx.get("warnings", []))
            + report(summary, problems, ctx))
    with open(os.path.join(out_dir, "report.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({"settings": {k: v for k, v in ctx.items() if k != "manifest"},
                   "summary": list(summary.values()),
                   "problems": {"/".join(k): v for k, v in problems.items()}}, f, indent=1)
    print(text)
    failed = [s for s in summary.values() if s["ok"] < s["runs"]]
    if problems:
        print("\n*** MISMATCH: totals differ from hubshare's ***", file=sys.stderr)
        for k, v in sorted(problems.items()):
            print("*** %s: %s" % ("/".join(k), "; ".join(v)), file=sys.stderr)
    if failed:
        print("\n*** FAILED runs: %s ***" % ", ".join("/".join((s["case"], s["job"], s["tool"])) for s in failed),
              file=sys.stderr)
    log("results in " + out_dir)
    return 1 if problems or failed else 0


def gzip_open(path):
    import gzip
    return gzip.open(path, "rt", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
