#!/usr/bin/env python3
"""Latency of the requests the service *served* (status 200) during a run, from its own Prometheus
histogram (http_server_requests_seconds_bucket, percentiles-histogram on): the bucket counts scraped
before and after the run are subtracted, so only that run counts. wrk cannot tell served answers from
refusals in its percentiles; this can. The time is measured inside the service (admission queue
included, the kernel's accept queue not).

Usage: served-latency.py BEFORE.txt AFTER.txt URI    (files: the text of GET /actuator/prometheus)
"""
import re
import sys

# Greedy: a templated route's uri label holds braces ("/api/frameworks/{framework}").
LINE = re.compile(r'^http_server_requests_seconds_bucket\{(?P<labels>.*)\} (?P<value>\S+)$')


def buckets(path, uri):
    out = {}
    for line in open(path, encoding="utf-8"):
        m = LINE.match(line.strip())
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group("labels")))
        if labels.get("uri") != uri or labels.get("status") != "200" or labels.get("method") != "GET":
            continue
        le = float("inf") if labels["le"] == "+Inf" else float(labels["le"])
        out[le] = out.get(le, 0.0) + float(m.group("value"))
    return out


def main():
    before, after = buckets(sys.argv[1], sys.argv[3]), buckets(sys.argv[2], sys.argv[3])
    delta = sorted((le, after[le] - before.get(le, 0.0)) for le in after)
    total = delta[-1][1] if delta else 0
    if total <= 0:
        print(f"served (200) {sys.argv[3]}: none")
        return

    def quantile(q):  # upper bound of the bucket that holds the q-th request
        for le, n in delta:
            if n >= q * total:
                return le * 1000
        return float("inf")

    print(f"served (200) {sys.argv[3]}: {int(total)} requests, p50 <= {quantile(0.5):.1f} ms, "
          f"p99 <= {quantile(0.99):.1f} ms, all <= {quantile(1.0):.1f} ms (service's own histogram buckets)")


if __name__ == "__main__":
    main()
