#!/usr/bin/env python3
"""Draws bench/scale-growth.svg from bench/scale/results.tsv: each measure against the number of curated
mappings, on log-log axes (a straight line of slope 1 is linear growth), one small panel per measure.
Plain SVG, no plotting library needed."""
import csv
import math
from pathlib import Path

HERE = Path(__file__).resolve().parent
# results.tsv keeps every run in the order it ran (with the load average of each); the plot draws the
# latest row of each harness scale (1x, 10x, 100x), i.e. the figures of the latest run.
# The "real" rows are start-up figures of the project's own data from other runs, not a harness scale.
latest = {}
for r in csv.DictReader(open(HERE / "results.tsv"), delimiter="\t"):
    if r["scale"] != "real":
        latest[r["scale"]] = r
rows = sorted(latest.values(), key=lambda r: float(r["mappings_curated"]))
measures = [("first_load_s", "first load (s)"), ("restart_s", "restart (s)"), ("heap_mib", "heap after load (MiB)"),
            ("store_mib", "store on disk (MiB)"), ("lookup_p50_ms", "look-up p50 (ms)"),
            ("coverage_real_p50_ms", "coverage ISO 42001→EU p50 (ms)"), ("coverage_syn_p50_ms", "coverage syn-001→syn-002 p50 (ms)"),
            ("coverage_real_provider_high_p50_ms", "… provider, high-risk p50 (ms)")]
W, H, PAD = 300, 200, 45
label = lambda y: f"{y:,.0f}" if y >= 100 else f"{y:.1f}" if y >= 10 else f"{y:.2f}"
cols = 4
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{cols * W}" height="{2 * H + 30}" font-family="sans-serif" font-size="11">',
       f'<text x="10" y="18" font-size="14">Crosswalk scale harness: each measure vs curated mappings (log-log; dashed = linear from the first point)</text>']
xs = [float(r["mappings_curated"]) for r in rows]
for i, (key, title) in enumerate(measures):
    pts = [(x, float(r[key])) for x, r in zip(xs, rows) if r.get(key) not in (None, "", "?")]
    ox, oy = (i % cols) * W, 30 + (i // cols) * H
    svg.append(f'<g transform="translate({ox},{oy})"><text x="{PAD}" y="14">{title}</text>')
    if len(pts) >= 1:
        lx = [math.log10(x) for x, _ in pts]; ly = [math.log10(max(y, 1e-3)) for _, y in pts]
        x0, x1 = min(lx) - 0.2, max(lx) + 0.2
        lin = [ly[0] + (v - lx[0]) for v in lx]  # linear growth from the first point
        y0, y1 = min(ly + lin) - 0.2, max(ly + lin) + 0.2
        sx = lambda v: PAD + (v - x0) / (x1 - x0) * (W - PAD - 15)
        sy = lambda v: H - 30 - (v - y0) / (y1 - y0) * (H - 60)
        svg.append(f'<line x1="{PAD}" y1="{H - 30}" x2="{W - 15}" y2="{H - 30}" stroke="#888"/><line x1="{PAD}" y1="25" x2="{PAD}" y2="{H - 30}" stroke="#888"/>')
        svg.append('<polyline fill="none" stroke="#bbb" stroke-dasharray="4 3" points="' + " ".join(f"{sx(a):.1f},{sy(b):.1f}" for a, b in zip(lx, lin)) + '"/>')
        svg.append('<polyline fill="none" stroke="#1f6feb" stroke-width="2" points="' + " ".join(f"{sx(a):.1f},{sy(b):.1f}" for a, b in zip(lx, ly)) + '"/>')
        for (x, y), a, b in zip(pts, lx, ly):
            svg.append(f'<circle cx="{sx(a):.1f}" cy="{sy(b):.1f}" r="3" fill="#1f6feb"/><text x="{sx(a) + 4:.1f}" y="{sy(b) - 5:.1f}">{label(y)}</text>')
            svg.append(f'<text x="{sx(a) - 12:.1f}" y="{H - 16}" fill="#555">{int(x):,}</text>')
    svg.append("</g>")
svg.append("</svg>")
(HERE.parent / "scale-growth.svg").write_text("\n".join(svg) + "\n")
print("wrote", HERE.parent / "scale-growth.svg")
