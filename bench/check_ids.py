"""Did a crawl see every model exactly once? Compares the ids in a crawl's output with the ids the stand-in served.

    python check_ids.py EXPECTED_IDS OUTPUT KEY

EXPECTED_IDS: one id a line (the stand-in's --ids-out). OUTPUT: JSON lines, gzip or plain; lines without KEY (a
hubshare snapshot's header) are skipped. KEY: the field holding the repository id ("id"; "name" for
@huggingface/hub, whose "id" is the Hub's _id). Prints one JSON object.
"""
import collections
import gzip
import json
import sys


def main():
    expected_file, output, key = sys.argv[1:4]
    with open(expected_file, encoding="utf-8") as f:
        expected = [line.rstrip("\n") for line in f if line.strip()]
    counts = collections.Counter()
    opener = gzip.open if open(output, "rb").read(2) == b"\x1f\x8b" else open
    with opener(output, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            value = json.loads(line).get(key)
            if value is not None:
                counts[value] += 1
    want = set(expected)
    seen = set(counts)
    result = {
        "expected": len(expected),
        "lines": sum(counts.values()),
        "unique": len(seen),
        "duplicated": sum(1 for c in counts.values() if c > 1),
        "missing": len(want - seen),
        "extra": len(seen - want),
    }
    result["complete"] = result["missing"] == 0 and result["extra"] == 0 and result["duplicated"] == 0
    print(json.dumps(result))


if __name__ == "__main__":
    main()
