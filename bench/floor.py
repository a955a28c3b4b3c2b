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

# The stages of a cold build, each the inclusive count of its entry points (sitrep's own code and
# the libraries it calls; the rows under a stage, indented, are parts of it). Names are matched
# without the "specialized " the compiler puts before some of them.
STAGES = [
    ("load: project outline, report.md, tables, figures.yml", ["Project.loadReport(series:folder:reportBytes:)", "static Project.load(root:outlines:)"], 0),
    ("tables: CSV read and checked", ["closure #1 in variable initialization expression of static TableFormat.csv"], 1),
    ("YAML: front matter, figures.yml (and the table blocks' options)", ["static YAMLEventReader.read(_:file:lineOffset:)"], 1),
    ("figures: tables' figures, running counts, checks", ["SeriesFigures.figures(for:folder:)"], 0),
    ("table figures (names, index, top N)", ["static TableFigures.add(_:measure:to:namesLike:)"], 1),
    ("narrative: placeholders, cmark, table blocks", ["NarrativeRenderer.render(_:file:lineOffset:)"], 0),
    ("placeholders found and evaluated", ["Slots.init(_:file:lineOffset:evaluator:problems:)"], 1),
    ("table blocks", ["TableBlock.html(tables:style:declaredTitle:)"], 1),
    ("cmark", ["cmark_parse_document", "cmark_render_html"], 1),
    ("figures.json", ["static FiguresJSON.render(series:period:report:figures:)"], 0),
    ("layouts (report and series pages)", ["LayoutPlan.renderUTF8(_:)"], 0),
    ("freeing each report's figures", ["destroy for FigureSet"], 0),
    ("manifest written", ["BuildManifest.write(to:series:recorded:)"], 0),
]

# Inclusive counts to add up, per library: the entry points sitrep calls. YAML is libyaml's
# event stream read into sitrep's nodes in one pass: YAMLEventReader.read, which the compiler
# calls directly from the loaders (counting YAMLNode.parse, as before 2 December, left out the
# front matter and figures.yml: four fifths of the YAML).
LIBRARIES = [
    ("SitrepLayout: the layouts", ["LayoutPlan.renderUTF8(_:)"], []),
    ("YAML (libyaml): front matter, figures.yml, table blocks", ["static YAMLEventReader.read(_:file:lineOffset:)"], []),
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
                name = match.group(2).removeprefix("specialized ")
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
    print(f"| stage | instructions | per report | share of the build |")
    print(f"|---|---:|---:|---:|")
    staged = 0
    for label, entries, depth in STAGES:
        if entries[0] not in counts:
            print(f"| {'- ' * depth}{label} | not found | | |")
            continue
        cost = sum(counts.get(name, 0) for name in entries)
        if depth == 0:
            staged += cost
        print(f"| {'- ' * depth}{label} | {cost / 1e9:.2f} G | {cost / n / 1e6:.2f} M | {100 * cost / total:.0f} % |")
    rest = total - staged
    print(f"| the rest: start, reading the manifest, threads, writing files, site pages | {rest / 1e9:.2f} G | {rest / n / 1e6:.2f} M | {100 * rest / total:.0f} % |")
    print()
    print(f"With sitrep's own code costing nothing, a cold build would take about "
          f"{together / rate / args.cores / cmark_wall:.1f}x the cmark CLI (all {args.cores} cores busy).")


if __name__ == "__main__":
    main()
