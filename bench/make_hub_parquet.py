#!/usr/bin/env python3
"""Builds Parquet files shaped like the Hub's public listing snapshots, from hubshare's bundled sample.

The public daily and weekly files (one `models.parquet` of the whole listing) cannot be fetched here, so this
script writes files with the same column names and the type variants their schema drifts between, from the real
models of `examples/data/hub-sample-2026-08.jsonl.gz` (CC BY 4.0, see `examples/data/NOTICE`):

  current.parquet      as the viewers show the files today: TIMESTAMP WITH TIME ZONE (microseconds), BIGINT
                       counters, `cardData` a JSON string, `tags` a list of strings, `baseModels` a struct
                       {relation, models: [{id}]}, `safetensors`/`gguf` structs; no `gated`/`private`; two columns
                       hubshare does not know (`siblings`, `usedStorage`).
  older.parquet        timestamps without zone (nanoseconds), 32-bit and unsigned counters, `trendingScore` a FLOAT,
                       `cardData` a STRUCT (base_model a list), `gated` a string and `private` a boolean, no
                       `baseModels` and no `base_model:` tags: lineage only in `cardData.base_model`.
  strings.parquet      timestamps as ISO strings (`…Z` and `+00:00`), counters as UBIGINT and UINTEGER, and
                       `downloadsAllTime` a DOUBLE (as pandas writes an integer column with gaps), `cardData` a JSON
                       string, `safetensors`/`gguf` JSON strings.
  int-widths.parquet   the rows whose counters fit, with TINYINT, SMALLINT, UTINYINT and USMALLINT counters.
  missing.parquet      only `id`, `downloads`, `tags` (without `base_model:` tags) and `baseModels`: no author, no
                       createdAt, no downloadsAllTime, no cardData.
  plain.jsonl.gz       the list API's objects, one per line, no hubshare header (as other clients dump them): the
                       sample's lines, with the synthetic `downloadsAllTime`; gunzip it for the plain-text case.
  later.parquet        `current` read a week later: each `downloadsAllTime` grown by 7/30 of the 30-day count.

The sample has no `downloadsAllTime`; every file but `missing.parquet` carries a synthetic one, the same in each:
the 30-day `downloads` times the number of started 30-day periods from `createdAt` to 2026-09-01 (at least one).
It is made up, plausible only in that it is never below the 30-day count: no figure computed from it is real.

With `--big N`, also writes big.parquet: the sample repeated N times (copy r > 0 suffixes every id and every base
id with `-r<r>`, as hubshare's heap benchmark does), in the `current` shape; N = 165 gives 2,500,740 rows.

Usage: bench/make_hub_parquet.py SAMPLE.jsonl.gz OUT_DIR [--rows K] [--big N]
  --rows K keeps every model whose position is a multiple of ceil(15156 / K) (deterministic), default all.
Needs: pip install duckdb (written with 1.5.6).
"""

import argparse
import gzip
import json
import os
import shutil
import sys

import duckdb

# The synthetic all-time count, as SQL over the sample's columns (createdAt an ISO string).
ALL_TIME = """downloads * greatest(1, ceil(date_diff('day', createdAt::TIMESTAMPTZ,
    TIMESTAMPTZ '2026-09-01 00:00:00+00') / 30.0))::BIGINT"""

# The sample read with explicit types: nested objects stay JSON, so nothing is inferred.
READ_SAMPLE = """
CREATE TABLE sample AS
SELECT row_number() OVER () AS pos, *
FROM read_json(?, format = 'newline_delimited', columns = {
    id: 'VARCHAR', author: 'VARCHAR', createdAt: 'VARCHAR', lastModified: 'VARCHAR', likes: 'BIGINT',
    downloads: 'BIGINT', trendingScore: 'DOUBLE', tags: 'VARCHAR[]', pipeline_tag: 'VARCHAR',
    library_name: 'VARCHAR', gated: 'JSON', private: 'BOOLEAN', cardData: 'JSON', safetensors: 'JSON',
    gguf: 'JSON', usedStorage: 'BIGINT'})
WHERE id IS NOT NULL  -- the hubshare header line has no id
"""

# baseModels as the Hub's expand=baseModels gives it, from the base_model:<relation>:<id> tags (one relation per
# model, as the Hub gives it); NULL for a model without such tags.
BASE_MODELS = """
CREATE TABLE links AS
WITH t AS (
  SELECT pos, unnest(tags) AS tag FROM sample
), l AS (
  SELECT pos, split_part(tag, ':', 2) AS relation, substr(tag, length('base_model:' || split_part(tag, ':', 2)) + 2)
      AS base
  FROM t
  WHERE tag LIKE 'base_model:%:%' AND split_part(tag, ':', 2) IN ('finetune', 'adapter', 'quantized', 'merge')
)
SELECT pos, {'relation': min(relation), 'models': list({'id': base} ORDER BY base)} AS baseModels
FROM l GROUP BY pos
"""

NO_BASE_TAGS = "list_filter(tags, lambda x: NOT starts_with(x, 'base_model:'))"


def copy(con, select, path):
    con.execute(f"COPY ({select}) TO '{path}' (FORMAT parquet, COMPRESSION zstd)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sample")
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=0)
    ap.add_argument("--big", type=int, default=0)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute(READ_SAMPLE, [a.sample])
    total = con.execute("SELECT count(*) FROM sample").fetchone()[0]
    step = 1 if a.rows <= 0 else -(-total // a.rows)
    con.execute(f"DELETE FROM sample WHERE (pos - 1) % {step} <> 0")
    con.execute(BASE_MODELS)
    con.execute(f"""CREATE VIEW m AS SELECT s.*, l.baseModels, {ALL_TIME} AS downloadsAllTime
                    FROM sample s LEFT JOIN links l USING (pos) ORDER BY pos""")

    current = """
      SELECT id, author, createdAt::TIMESTAMPTZ AS createdAt, lastModified::TIMESTAMPTZ AS lastModified,
             downloads, downloadsAllTime, likes, trendingScore, tags, pipeline_tag, library_name,
             cardData::VARCHAR AS cardData, baseModels,
             CASE WHEN safetensors IS NULL THEN NULL
                  ELSE {'parameters': MAP {}::MAP(VARCHAR, BIGINT), 'total': (safetensors->>'total')::BIGINT} END
                 AS safetensors,
             CASE WHEN gguf IS NULL THEN NULL
                  ELSE {'total': (gguf->>'total')::BIGINT, 'architecture': NULL::VARCHAR} END AS gguf,
             [{'rfilename': 'config.json'}] AS siblings, usedStorage
      FROM m"""
    copy(con, current, os.path.join(a.out, "current.parquet"))

    later = current.replace("downloads, downloadsAllTime,",
                            "downloads, downloadsAllTime + (downloads * 7 + 29) // 30 AS downloadsAllTime,")
    copy(con, later, os.path.join(a.out, "later.parquet"))

    older = f"""
      SELECT id, author, createdAt::TIMESTAMP::TIMESTAMP_NS AS createdAt,
             lastModified::TIMESTAMP::TIMESTAMP_NS AS lastModified,
             downloads::INTEGER AS downloads, downloadsAllTime::UBIGINT AS downloadsAllTime,
             likes::UINTEGER AS likes, trendingScore::FLOAT AS trendingScore, {NO_BASE_TAGS} AS tags,
             pipeline_tag, library_name,
             CASE WHEN gated::VARCHAR = 'false' THEN 'false' ELSE gated->>'$' END AS gated, private,
             CASE WHEN cardData IS NULL THEN NULL ELSE {{
               'license': cardData->>'license',
               'base_model': CASE json_type(cardData->'base_model')
                   WHEN 'ARRAY' THEN (cardData->'base_model')::VARCHAR[]
                   WHEN 'VARCHAR' THEN [cardData->>'base_model'] END,
               'language': (cardData->'language')::VARCHAR[]}} END AS cardData
      FROM m"""
    copy(con, older, os.path.join(a.out, "older.parquet"))

    strings = """
      SELECT id, author, createdAt,
             strftime(lastModified::TIMESTAMPTZ AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S') || '+00:00' AS lastModified,
             downloads::UBIGINT AS downloads, downloadsAllTime::DOUBLE AS downloadsAllTime,
             likes::UINTEGER AS likes, trendingScore, tags, pipeline_tag, library_name,
             cardData::VARCHAR AS cardData, safetensors::VARCHAR AS safetensors, gguf::VARCHAR AS gguf
      FROM m"""
    copy(con, strings, os.path.join(a.out, "strings.parquet"))

    widths = """
      SELECT id, author, createdAt::TIMESTAMPTZ AS createdAt, downloads::USMALLINT AS downloads,
             downloadsAllTime::SMALLINT AS downloadsAllTime, likes::TINYINT AS likes,
             trendingScore::UTINYINT AS trendingScore, tags
      FROM m
      WHERE downloadsAllTime <= 32767 AND likes <= 127 AND trendingScore BETWEEN 0 AND 255"""
    copy(con, widths, os.path.join(a.out, "int-widths.parquet"))

    missing = f"SELECT id, downloads, {NO_BASE_TAGS} AS tags, baseModels FROM m"
    copy(con, missing, os.path.join(a.out, "missing.parquet"))

    # The API's objects as the sample holds them, without the header, each with the synthetic downloadsAllTime
    # after its downloads: the other fields' text and order are the sample's.
    all_time = dict(con.execute("SELECT pos, downloadsAllTime FROM m").fetchall())
    plain = os.path.join(a.out, "plain.jsonl")
    with gzip.open(a.sample, "rt", encoding="utf-8") as src, open(plain, "w", encoding="utf-8", newline="\n") as out:
        pos = 0
        for line in src:
            o = json.loads(line)
            if "id" not in o:
                continue
            pos += 1
            if pos not in all_time:
                continue
            items = []
            for k, v in o.items():
                items.append((k, v))
                if k == "downloads":
                    items.append(("downloadsAllTime", all_time[pos]))
            out.write(json.dumps(dict(items), ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(plain, "rb") as f, open(plain + ".gz", "wb") as g:
        with gzip.GzipFile(filename="", fileobj=g, mode="wb", mtime=0) as z:
            shutil.copyfileobj(f, z)
    os.remove(plain)

    if a.big > 0:
        big = f"""
          SELECT CASE WHEN r = 0 THEN id ELSE id || '-r' || r END AS id, author,
                 createdAt::TIMESTAMPTZ AS createdAt, lastModified::TIMESTAMPTZ AS lastModified,
                 downloads + (r * 7919 + pos) % 1000 AS downloads,
                 downloadsAllTime + (r * 7919 + pos) % 1000 AS downloadsAllTime, likes, trendingScore,
                 CASE WHEN r = 0 THEN tags ELSE list_transform(tags, lambda x: CASE
                     WHEN starts_with(x, 'base_model:') THEN x || '-r' || r ELSE x END) END AS tags,
                 pipeline_tag, library_name, cardData::VARCHAR AS cardData,
                 CASE WHEN baseModels IS NULL OR r = 0 THEN baseModels
                      ELSE {{'relation': baseModels.relation,
                             'models': list_transform(baseModels.models, lambda b: {{'id': b.id || '-r' || r}})}} END
                     AS baseModels,
                 CASE WHEN safetensors IS NULL THEN NULL
                      ELSE {{'total': (safetensors->>'total')::BIGINT}} END AS safetensors,
                 CASE WHEN gguf IS NULL THEN NULL ELSE {{'total': (gguf->>'total')::BIGINT}} END AS gguf
          FROM m, range({a.big}) AS copies(r)
          ORDER BY r, pos"""
        con.execute("SET preserve_insertion_order = false")
        copy(con, big, os.path.join(a.out, "big.parquet"))

    for name in sorted(os.listdir(a.out)):
        print(f"{name}\t{os.path.getsize(os.path.join(a.out, name)):,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
