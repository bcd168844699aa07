"""The raw-bytes floor of a live listing: every page of /api/models fetched over one kept-alive connection,
following the Link headers, with the bodies read and thrown away (nothing parsed).

    python3 raw_pages.py ENDPOINT EXPAND[,EXPAND...] [LIMIT]

Prints {"pages", "bytes", "seconds"}. Plain http:// only: it is meant for the loopback stand-in hub.
"""
import http.client
import json
import re
import sys
import time
import urllib.parse

NEXT = re.compile(r'<([^>]*)>\s*;\s*rel="?next"?')


def main():
    endpoint, expand = sys.argv[1], [e for e in sys.argv[2].split(",") if e]
    limit = sys.argv[3] if len(sys.argv) > 3 else None
    base = urllib.parse.urlsplit(endpoint)
    if base.scheme != "http":
        sys.exit("http:// endpoints only")
    query = [("expand", e) for e in expand] + ([("limit", limit)] if limit else [])
    path = "/api/models" + ("?" + urllib.parse.urlencode(query) if query else "")
    conn = http.client.HTTPConnection(base.hostname, base.port or 80)
    pages = size = 0
    start = time.monotonic()
    while path:
        conn.request("GET", path, headers={"Accept": "application/json"})
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            sys.exit("HTTP %d on %s" % (r.status, path))
        pages += 1
        size += len(body)
        m = NEXT.search(r.getheader("Link") or "")
        if m is None:
            break
        nxt = urllib.parse.urlsplit(m.group(1))
        path = nxt.path + ("?" + nxt.query if nxt.query else "")
    print(json.dumps({"pages": pages, "bytes": size, "seconds": round(time.monotonic() - start, 3)}))


if __name__ == "__main__":
    main()
