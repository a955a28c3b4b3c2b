#!/usr/bin/env python3
"""Prints what the layouts (SitrepLayout), Yams and cmark cost in one cold build, against the budget of a
build within 4x of the cmark CLI (issue 12). Run by bench/floor; the inputs are its hyperfine exports and
the demangled output of `callgrind_annotate --inclusive=yes --threshold=100`."""
import argparse
import json
import re

# The target: a cold build within this factor of the cmark CLI over the same Markdown.
FACTOR = 4

LINE = re.compile(r"^\s*([\d,]+) \([^)]*\)\s+(?:\*\s+)?[^:\s]*:(.*?) \[[^\]]*\]\s*$")

# Inclusive counts to add up, per library: the entry points sitrep calls. YAML is libyaml's
# event stream read into sitrep's nodes in one pass (YAMLEventReader, inlined into YAMLNode.parse).
LIBRARIES = [
    ("SitrepLayout: the layouts", ["LayoutPlan.renderUTF8(_:)"], []),
    ("YAML (libyaml): front matter, figures.yml, table blocks", ["static YAMLNode.parse(_:file:lineOffset:)"], []),
    ("cmark: parsing and rendering the narrative", ["cmark_parse_document", "cmark_render_html"], []),
]


def inclusive_counts(path):
    """Function name -> inclusive instructions, and the program total."""
    counts, total = {}, None
    with open(path, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if "PROGRAM TOTALS" in line:
                total = int(line.split()[0].replace(",", ""))
                continue
            match = LINE.match(line)
            if match:
                name = match.group(2)
                counts[name] = max(counts.get(name, 0), int(match.group(1).replace(",", "")))
    if total is None:
        raise SystemExit("no PROGRAM TOTALS in " + path)
    return counts, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, required=True)
    parser.add_argument("--cores", type=int, required=True)
    parser.add_argument("--cmark", required=True, help="hyperfine JSON of the cmark CLI")
    parser.add_argument("--sitrep", required=True, help="hyperfine JSON of sitrep's cold build")
    parser.add_argument("--callgrind", required=True, help="demangled callgrind_annotate output")
    args = parser.parse_args()

    cmark = json.load(open(args.cmark))["results"][0]
    sitrep = json.load(open(args.sitrep))["results"][0]
    counts, total = inclusive_counts(args.callgrind)
    cmark_wall = cmark["median"]
    sitrep_cpu = sitrep["user"] + sitrep["system"]
    rate = total / sitrep_cpu
    budget = FACTOR * cmark_wall * args.cores * rate
    n = args.reports

    print(f"{n:,} reports, {args.cores} cores")
    print(f"cmark CLI: {cmark_wall * 1000:.0f} ms (median); {FACTOR}x: {FACTOR * cmark_wall * 1000:.0f} ms, "
          f"{FACTOR * cmark_wall * args.cores * 1000:.0f} ms of CPU on {args.cores} cores")
    print(f"sitrep cold build: {sitrep['median'] * 1000:.0f} ms (median), {sitrep_cpu * 1000:.0f} ms of CPU (mean), "
          f"{total / 1e9:.2f} G instructions: {rate / 1e9:.2f} G per CPU-second")
    print(f"budget of a build within {FACTOR}x of cmark: {budget / 1e9:.2f} G instructions, {budget / n / 1e6:.2f} M per report")
    print()
    print(f"| library | instructions | per report | of the {FACTOR}x budget |")
    print(f"|---|---:|---:|---:|")
    together = 0
    for label, entries, minus in LIBRARIES:
        missing = [name for name in entries[:1] if name not in counts]
        if missing:
            raise SystemExit(f"callgrind output has no {missing[0]}: has the code changed?")
        cost = sum(counts.get(name, 0) for name in entries) - sum(counts.get(name, 0) for name in minus)
        together += cost
        print(f"| {label} | {cost / 1e9:.2f} G | {cost / n / 1e6:.2f} M | {100 * cost / budget:.0f} % |")
    print(f"| the three together | {together / 1e9:.2f} G | {together / n / 1e6:.2f} M | {100 * together / budget:.0f} % |")
    print()
    print(f"With sitrep's own code costing nothing, a cold build would take about "
          f"{together / rate / args.cores / cmark_wall:.1f}x the cmark CLI (all {args.cores} cores busy).")


if __name__ == "__main__":
    main()
