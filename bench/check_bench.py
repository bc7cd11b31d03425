#!/usr/bin/env python3
"""Benchmark `preflight check` against the floor of running the same files directly.

Generates a synthetic course of N lessons (one small deterministic Python example each), then
measures, alternating runs and taking the median of several:
  - preflight check --no-cache   (every example in its own process, limits, comparison)
  - the floor: the same N files run by the resolved Python interpreter, same parallelism
  - preflight check, cached re-run (nothing executes)
Usage: bench/check_bench.py [--lessons 200] [--runs 5] [--jobs CORES] [--binary PATH]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

EXAMPLE = """values = [{seed} * k % 97 for k in range(50)]
mean = sum(values) / len(values)
print("lesson {n}: mean", round(mean, 3))
print("max", max(values), "min", min(values))
"""


def expected_output(seed, n):
    values = [seed * k % 97 for k in range(50)]
    mean = sum(values) / len(values)
    return f"lesson {n}: mean {round(mean, 3)}\nmax {max(values)} min {min(values)}\n"


def generate(folder, count):
    os.makedirs(os.path.join(folder, "01-bench"))
    with open(os.path.join(folder, "course.yaml"), "w") as f:
        f.write("id: bench\ntitle: Bench\ntimeout: 10\nrunners:\n  python: python3 {file}\n"
                "sections:\n  - id: bench\n    title: Bench\n    summary: Synthetic.\n")
    scripts = os.path.join(folder, "scripts")
    os.makedirs(scripts)
    for n in range(1, count + 1):
        code = EXAMPLE.format(seed=n + 3, n=n)
        with open(os.path.join(folder, "01-bench", f"{n:03d}-lesson.md"), "w") as f:
            f.write(f"---\nid: lesson-{n}\ntitle: Lesson {n}\nsummary: Synthetic.\n---\n\n# Lesson {n}\n\n"
                    f"```python\n{code}```\n\n```output\n{expected_output(n + 3, n)}```\n")
        with open(os.path.join(scripts, f"{n:03d}.py"), "w") as f:
            f.write(code)
    return scripts


def resolved_python():
    out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lessons", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/preflight"))
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="preflight-bench-")
    try:
        course = os.path.join(work, "course")
        scripts = generate(course, args.lessons)
        state = os.path.join(work, "state.sqlite")
        python = resolved_python()
        files = sorted(os.path.join(scripts, name) for name in os.listdir(scripts))

        def check(extra):
            result = subprocess.run([args.binary, "check", "--course", course, "--state", state, "--jobs", str(args.jobs)] + extra,
                                    capture_output=True, text=True)
            if result.returncode != 0 or f"{args.lessons} passed, 0 failed" not in result.stdout:
                sys.exit(f"preflight check failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")

        def run_one(path):
            folder = tempfile.mkdtemp(dir=work)
            subprocess.run([python, path], cwd=folder, stdin=subprocess.DEVNULL, capture_output=True, check=True)
            shutil.rmtree(folder)

        def floor():
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                list(pool.map(run_one, files))

        check(["--no-cache"])  # warm the file cache and the interpreter's
        cold, direct, cached = [], [], []
        for _ in range(args.runs):
            cold.append(timed(lambda: check(["--no-cache"])))
            direct.append(timed(floor))
            cached.append(timed(lambda: check([])))
        m_cold, m_floor, m_cached = statistics.median(cold), statistics.median(direct), statistics.median(cached)
        print(f"examples: {args.lessons}, jobs: {args.jobs}, runs: {args.runs}, python: {python}")
        print(f"preflight check --no-cache  median {m_cold:.3f} s  (runs: {', '.join(f'{t:.3f}' for t in cold)})")
        print(f"floor (direct interpreter)  median {m_floor:.3f} s  (runs: {', '.join(f'{t:.3f}' for t in direct)})")
        print(f"preflight check (cached)    median {m_cached:.3f} s  (runs: {', '.join(f'{t:.3f}' for t in cached)})")
        print(f"ratio to floor: {m_cold / m_floor:.2f}x (target <= 1.25x); cached re-run target < 0.2 s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
