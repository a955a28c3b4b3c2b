#!/usr/bin/env python3
"""Time two commands in turn, round after round, and print the ratio of their times per round.

    bench/interleave.py --rounds R --name NAME --n N --prepare CMD --measure CMD --floor CMD

Each round runs PREPARE (untimed, e.g. removing the output), then MEASURE, then FLOOR, each
timed as wall time. A ratio taken inside one round compares two runs made a fraction of a second
apart: on a shared machine, where the speed of the cores drifts over minutes, the ratio of two
medians taken at different moments moves with the drift (a cold build measured 3.5x and 4.5x the
cmark CLI in two runs an hour apart, at the same code); the ratio of each round much less.
Appends one line to stdout, tab-separated: N, NAME, the median, lowest and highest ratio of the
rounds, the median times of MEASURE and FLOOR in seconds, and the number of rounds.

Standard library only.
"""

import argparse
import statistics
import subprocess
import time


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--prepare", required=True)
    parser.add_argument("--measure", required=True)
    parser.add_argument("--floor", required=True)
    args = parser.parse_args()
    # One untimed round first, as hyperfine's warm-up: files into the page cache.
    subprocess.run(args.prepare, shell=True, check=True)
    timed(args.measure)
    timed(args.floor)
    measured, floors, ratios = [], [], []
    for _ in range(args.rounds):
        subprocess.run(args.prepare, shell=True, check=True)
        m = timed(args.measure)
        f = timed(args.floor)
        measured.append(m)
        floors.append(f)
        ratios.append(m / f)
    print("\t".join([str(args.n), args.name, f"{statistics.median(ratios):.4f}", f"{min(ratios):.4f}",
                     f"{max(ratios):.4f}", f"{statistics.median(measured):.6f}", f"{statistics.median(floors):.6f}",
                     str(args.rounds)]))


if __name__ == "__main__":
    main()
