#!/usr/bin/env python3
"""Write a project made of copies of the example series, for benchmarking.

    bench/example_copies.py --reports N --out DIR [--example content/belarus]

writes DIR/sitrep.yml (the example's) and DIR/content/belarus-0001/ ... : as many copies of the
example series as give at least N reports (the example has three periods, so 1,000 reports are
334 copies). The example's shape is the opposite of bench/generate.py's: large tables (arrivals
by nationality, AVRR by country, sex and age, hotline requests by week and topic) and short prose.
Each copy is byte-identical to the example but for its folder name. Standard library only.
"""

import argparse
import os
import shutil
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--example", default=os.path.join(os.path.dirname(__file__), "..", "content", "belarus"))
    args = parser.parse_args()
    example = os.path.abspath(args.example)
    periods = sorted(name for name in os.listdir(example) if os.path.isdir(os.path.join(example, name)))
    if not periods:
        sys.exit(f"{example} has no period folders")
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"{args.out} exists and is not empty")
    copies = max(1, -(-args.reports // len(periods)))
    content = os.path.join(args.out, "content")
    os.makedirs(content, exist_ok=True)
    shutil.copyfile(os.path.join(example, "..", "..", "sitrep.yml"), os.path.join(args.out, "sitrep.yml"))
    for copy in range(1, copies + 1):
        shutil.copytree(example, os.path.join(content, f"belarus-{copy:04d}"), symlinks=False)
    print(f"{copies} copies of {len(periods)} periods: {copies * len(periods)} reports", file=sys.stderr)


if __name__ == "__main__":
    main()
