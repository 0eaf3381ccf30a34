#!/usr/bin/env python3
"""A flame graph (SVG) of a JFR recording's CPU samples, with the JDK's own `jfr` tool and nothing to install.

    bench/flamegraph.py RECORDING.jfr OUT.svg [--title T] [--thread REGEX] [--min-px PX]

Reads `jfr print --events jdk.ExecutionSample` (Java frames, as JFR samples them: threads running Java
code), folds the stacks, and draws them root at the bottom, one box per frame, width = share of samples
(the layout of Brendan Gregg's flame graphs). Hover a box for its frame, samples and share. Boxes are
coloured by layer: TDB2/B+trees, SHACL, graph building (Jena's in-memory graph, RIOT), Lucene, the
service's own code, the JDK.
"""
import argparse
import html
import os
import re
import subprocess
import sys
from collections import defaultdict

FRAME = re.compile(r"^\s+(.+?)\s+line:\s*\d+")
LAYERS = [
    (r"org\.apache\.jena\.(tdb2|dboe)", "#d9822b", "TDB2 / B+trees"),
    (r"org\.apache\.jena\.shacl", "#b5447a", "SHACL"),
    (r"org\.apache\.jena\.(mem|mem2|graph|riot|rdf\.model)", "#4a8fd9", "Jena graph / RIOT"),
    (r"org\.apache\.jena\.sparql", "#6a5acd", "ARQ"),
    (r"org\.apache\.lucene|org\.apache\.jena\.query\.text", "#3aa55d", "Lucene / jena-text"),
    (r"org\.crosswalk|org\.incenp", "#c0392b", "Crosswalk, SSSOM reader"),
    (r"^(java|jdk|sun)\.", "#9e9e9e", "JDK"),
]
OTHER = "#c8b560"


def colour(frame):
    for rx, c, _ in LAYERS:
        if re.search(rx, frame):
            return c
    return OTHER


def stacks(recording, thread_rx):
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", recording],
                         check=True, capture_output=True, text=True).stdout
    folded = defaultdict(int)
    for event in out.split("jdk.ExecutionSample")[1:]:
        m = re.search(r'sampledThread = "([^"]*)"', event)
        if thread_rx and not (m and re.search(thread_rx, m.group(1))):
            continue
        frames = []
        for line in event.splitlines():
            f = FRAME.match(line)
            if f:
                frames.append(re.sub(r"\(.*\)$", "", f.group(1)))
        if frames:
            folded[tuple(reversed(frames))] += 1
    return folded


def tree(folded):
    root = {"n": 0, "kids": {}}
    for stack, count in folded.items():
        node = root
        node["n"] += count
        for frame in stack:
            node = node["kids"].setdefault(frame, {"n": 0, "kids": {}})
            node["n"] += count
    return root


def svg(root, title, width=1400, row=17, min_px=1.0):
    depth = [0]

    def measure(node, d):
        depth[0] = max(depth[0], d)
        for k in node["kids"].values():
            measure(k, d + 1)
    measure(root, 0)
    height = (depth[0] + 3) * row + 40
    total = root["n"] or 1
    scale = (width - 20) / total
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="monospace" font-size="11">',
           f'<rect width="100%" height="100%" fill="#fdfdf8"/>',
           f'<text x="10" y="20" font-size="15">{html.escape(title)} — {total} CPU samples</text>']
    legend_x = 10
    for _, c, label in LAYERS + [(None, OTHER, "other")]:
        out.append(f'<rect x="{legend_x}" y="28" width="10" height="10" fill="{c}"/><text x="{legend_x + 14}" y="37">{html.escape(label)}</text>')
        legend_x += 14 + 7 * len(label) + 16

    def draw(name, node, x, d):
        w = node["n"] * scale
        if w < min_px:
            return
        y = height - (d + 1) * row
        pct = 100 * node["n"] / total
        label = name if len(name) * 6.6 < w - 4 else (name[: int((w - 4) / 6.6) - 2] + ".." if w > 30 else "")
        out.append(f'<g><title>{html.escape(name)}: {node["n"]} samples, {pct:.1f} %</title>'
                   f'<rect x="{10 + x:.1f}" y="{y}" width="{max(w - 0.5, 0.3):.1f}" height="{row - 1}" fill="{colour(name)}" rx="1"/>'
                   f'<text x="{13 + x:.1f}" y="{y + row - 5}">{html.escape(label)}</text></g>')
        cx = x
        for k, child in sorted(node["kids"].items(), key=lambda kv: kv[0]):
            draw(k, child, cx, d + 1)
            cx += child["n"] * scale
    cx = 0
    for k, child in sorted(root["kids"].items(), key=lambda kv: kv[0]):
        draw(k, child, cx, 0)
        cx += child["n"] * scale
    out.append("</svg>")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("out")
    ap.add_argument("--title", default="")
    ap.add_argument("--thread", default=None, help="only samples of threads whose name matches")
    ap.add_argument("--min-px", type=float, default=1.0,
                    help="leave out boxes narrower than this (deep ARQ iterator stacks make a big file otherwise)")
    a = ap.parse_args()
    folded = stacks(a.recording, a.thread)
    if not folded:
        sys.exit("no CPU samples in " + a.recording)
    root = tree(folded)
    with open(a.out, "w") as f:
        f.write(svg(root, a.title or os.path.basename(a.recording), min_px=a.min_px))
    # for the notes: each sample counted once, in the innermost layer on its stack that is not the JDK
    by_layer = defaultdict(int)
    for stack, count in folded.items():
        label = next((label for frame in reversed(stack) for rx, _, label in LAYERS[:-1] if re.search(rx, frame)), "JDK / other")
        by_layer[label] += count
    total = sum(folded.values())
    for label, n in sorted(by_layer.items(), key=lambda kv: -kv[1]):
        print(f"{label:28s} {n:7d}  {100 * n / total:5.1f} %")


if __name__ == "__main__":
    main()
