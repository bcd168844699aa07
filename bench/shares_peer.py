"""Account or country shares of 30-day downloads over a snapshot file, with DuckDB or polars, as hubshare computes
them with uploader attribution. Used by shares_bench.py; prints one JSON object (see shares_bench.normalise).

    python shares_peer.py duckdb|polars account|country FILE [ACCOUNTS_CSV] [--once]

FILE: a hubshare snapshot (.jsonl.gz, one stream or one gzip member per page: the header line is read as a row
without an id and dropped) or plain JSON Lines. Only the columns the job needs are read: id, author, downloads.

The same rules as hubshare (io.hubshare.analytics.Grouping and OriginRegistry.of(String)):
- a model's account is its author, else the part of its id before the slash, else none (unknown);
- account keys match ignoring case (reported in lower case);
- the country is the origin registry's, looked up by the account trimmed and in lower case; an account the
  registry does not know is unknown. ACCOUNTS_CSV (account,country: the registry's origins.csv reduced to the key
  and the upper-case country, written by shares_bench.py from the jar's io/hubshare/origin/origins.csv) is read at
  run time;
- a missing downloads count adds 0 and counts the model as missing; so does a negative one;
- with --once, a line whose id repeats one read before (ignoring case) is skipped: each repository counts once, at
  its first line. hubshare always applies this rule; the harness asks for it where the file needs it (the bundled
  sample lists three repositories twice, the scaled files hold distinct ids, as a crawl writes them).
"""
import json
import sys

COLUMNS = ["id", "author", "downloads"]


def with_duckdb(dimension, path, accounts, once):
    import duckdb

    con = duckdb.connect()
    source = ("read_json(?, format='newline_delimited', "
              "columns={'id': 'VARCHAR', 'author': 'VARCHAR', 'downloads': 'BIGINT'})")
    if once:
        # The file's order kept (preserve_insertion_order), each lower-case id's first row chosen by rowid.
        con.execute(f"CREATE TEMP TABLE lines AS SELECT id, author, downloads FROM {source} WHERE id IS NOT NULL",
                    [path])
        source = ("(SELECT * FROM lines WHERE rowid IN (SELECT min(rowid) FROM lines GROUP BY lower(id)))")
        params = []
    else:
        source = f"(SELECT * FROM {source} WHERE id IS NOT NULL)"
        params = [path]
    acc = "coalesce(author, CASE WHEN strpos(id, '/') > 1 THEN split_part(id, '/', 1) END)"
    d = "CASE WHEN downloads >= 0 THEN downloads END"
    if dimension == "account":
        sql = f"SELECT lower({acc}) AS k, sum({d}), count(*), count(*) - count({d}) FROM {source} GROUP BY k"
    else:
        con.execute("CREATE TABLE origins AS SELECT * FROM read_csv(?, header=true, "
                    "columns={'account': 'VARCHAR', 'country': 'VARCHAR'})", [accounts])
        sql = (f"WITH m AS (SELECT lower(trim({acc})) AS a, {d} AS d FROM {source}) "
               "SELECT o.country AS k, sum(m.d), count(*), count(*) - count(m.d) "
               "FROM m LEFT JOIN origins o ON o.account = m.a GROUP BY k")
    return con.execute(sql, params).fetchall()


def with_polars(dimension, path, accounts, once):
    import polars as pl

    schema = {"id": pl.Utf8, "author": pl.Utf8, "downloads": pl.Int64}
    lf = pl.scan_ndjson(path, schema=schema).filter(pl.col("id").is_not_null())
    if once:
        lf = lf.with_columns(pl.col("id").str.to_lowercase().alias("lid")).unique(
            subset="lid", keep="first", maintain_order=True)
    lf = lf.with_columns(pl.when(pl.col("downloads") >= 0).then(pl.col("downloads")).alias("downloads"))
    owner = pl.when(pl.col("id").str.find("/", literal=True) > 0).then(
        pl.col("id").str.split_exact("/", 1).struct.field("field_0"))
    lf = lf.with_columns(pl.coalesce(pl.col("author"), owner).alias("a"))
    if dimension == "account":
        lf = lf.with_columns(pl.col("a").str.to_lowercase().alias("k"))
    else:
        origins = pl.read_csv(accounts, schema={"account": pl.Utf8, "country": pl.Utf8})
        lf = lf.with_columns(pl.col("a").str.strip_chars(" ").str.to_lowercase().alias("a")).join(
            origins.lazy(), left_on="a", right_on="account", how="left").rename({"country": "k"})
    out = lf.group_by("k").agg(pl.col("downloads").sum().alias("v"), pl.len().alias("n"),
                               pl.col("downloads").null_count().alias("x")).collect()
    return [(r["k"], r["v"], r["n"], r["x"]) for r in out.iter_rows(named=True)]


def main():
    args = [a for a in sys.argv[1:] if a != "--once"]
    once = "--once" in sys.argv[1:]
    tool, dimension, path = args[:3]
    accounts = args[3] if len(args) > 3 else None
    if dimension not in ("account", "country"):
        sys.exit("dimension: account or country")
    if dimension == "country" and not accounts:
        sys.exit("country needs ACCOUNTS_CSV")
    rows = {"duckdb": with_duckdb, "polars": with_polars}[tool](dimension, path, accounts, once)
    out = {"tool": tool, "dimension": dimension, "total": 0, "unknown": 0, "unknownModels": 0, "models": 0,
           "missing": 0, "rows": {}}
    for key, value, n, missing in rows:
        value = int(value or 0)
        out["total"] += value
        out["models"] += n
        out["missing"] += missing
        if key is None:
            out["unknown"] += value
            out["unknownModels"] += n
        else:
            out["rows"][key] = [value, n]
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
