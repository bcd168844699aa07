"""The inflate floor: a gzip file's bytes inflated with zlib and thrown away, on one thread or two.

    python3 inflate.py FILE [--threads 2]

With two threads the file is cut at the gzip member start nearest its middle and each half is inflated on its own
thread (zlib lets go of the interpreter lock while it inflates). Only a file of several members can be cut, such as
a crawl's (one member per page); a file of one member runs on one thread whatever is asked. Prints {"threads",
"members", "bytes_in", "bytes_out", "seconds"}.
"""
import json
import sys
import threading
import time
import zlib

MAGIC = b"\x1f\x8b\x08"
CHUNK = 1 << 20


def inflate(data, start, end, out):
    """Inflates data[start:end], member after member; out gets (members, bytes out)."""
    members = produced = 0
    pos = start
    while pos < end:
        d = zlib.decompressobj(31)
        members += 1
        while not d.eof:
            if pos >= end:
                raise ValueError("truncated gzip member")
            chunk = data[pos:min(pos + CHUNK, end)]
            pos += len(chunk)
            produced += len(d.decompress(chunk))
            while d.unconsumed_tail:
                produced += len(d.decompress(d.unconsumed_tail))
        pos -= len(d.unused_data)
    out.append((members, produced))


def cut(data):
    """A member start near the middle: a gzip magic number whose member inflates; None if there is none."""
    middle = len(data) // 2
    for origin in (middle, 0):
        at = data.find(MAGIC, max(1, origin))
        while 0 < at:
            try:
                d = zlib.decompressobj(31)
                d.decompress(data[at:at + 4096], 1)
                return at
            except zlib.error:
                at = data.find(MAGIC, at + 1)
    return None


def main():
    path = sys.argv[1]
    threads = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--threads" else 1
    start = time.monotonic()
    with open(path, "rb") as f:
        data = f.read()
    results = []
    at = cut(data) if threads > 1 else None
    if at is None:
        threads = 1
        inflate(data, 0, len(data), results)
    else:
        workers = [threading.Thread(target=inflate, args=(data, 0, at, results)),
                   threading.Thread(target=inflate, args=(data, at, len(data), results))]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        if len(results) != 2:
            sys.exit("a thread failed")
    print(json.dumps({"threads": threads, "members": sum(r[0] for r in results), "bytes_in": len(data),
                      "bytes_out": sum(r[1] for r in results), "seconds": round(time.monotonic() - start, 3)}))


if __name__ == "__main__":
    main()
