#!/usr/bin/env python3
"""Times `preflight export html` on the shipped course and on a 1,008-lesson course.

The large course is the first 28 shipped lessons (in course order) copied 36 times under new ids,
as in the course-scale issue: each copy is a section `copy-NN`, each lesson id gets `-cNN`, and
`requires` entries are renamed the same way. Prints a Markdown table for docs/benchmarks.md.
"""

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "lessons"
COPIES, PER_COPY = 36, 28


def shipped_lessons():
    """Lesson files in course order: section order from course.yaml, then file name."""
    order = re.findall(r"^  - id: (\S+)", (SHIPPED / "course.yaml").read_text(), re.M)
    folders = {p.name.split("-", 1)[1]: p for p in SHIPPED.iterdir() if p.is_dir() and re.match(r"\d+-", p.name)}
    return [f for section in order if section in folders for f in sorted(folders[section].glob("[0-9]*.md"))]


def make_large_course(target):
    lessons = shipped_lessons()[:PER_COPY]
    ids = [re.search(r"^id: (\S+)", f.read_text(), re.M).group(1) for f in lessons]
    sections = []
    for copy in range(1, COPIES + 1):
        suffix = f"-c{copy:02d}"
        folder = target / f"{copy:02d}-copy-{copy:02d}"
        folder.mkdir(parents=True)
        sections.append(f"  - id: copy-{copy:02d}\n    title: Copy {copy}\n    summary: The shipped lessons, copy {copy}.\n")
        for number, (source, lesson_id) in enumerate(zip(lessons, ids), start=1):
            text = source.read_text()
            front_end = text.index("\n---\n", 4)
            front, body = text[:front_end], text[front_end:]
            front = re.sub(r"^id: (\S+)", lambda m: f"id: {m.group(1)}{suffix}", front, flags=re.M)
            front = re.sub(r"^requires: \[(.*)\]", lambda m: "requires: [" + ", ".join(f"{r.strip()}{suffix}" for r in m.group(1).split(",") if r.strip() in ids) + "]", front, flags=re.M)
            (folder / f"{number:02d}-{lesson_id}.md").write_text(front + body)
    config = (SHIPPED / "course.yaml").read_text()
    config = re.sub(r"^exercises:.*\n", "", config, flags=re.M)
    config = config[:config.index("sections:")] + "sections:\n" + "".join(sections)
    config = re.sub(r"^id: .*", "id: ml-deployment-checks-large", config, flags=re.M)
    (target / "course.yaml").write_text(config)
    return COPIES * len(lessons)


def folder_size(path):
    files = [p for p in Path(path).rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def time_export(binary, course, out, state, runs):
    """Wall time (median, min, max) and the median CPU time (user + system) of each export.
    CPU time is the steadier figure on a machine shared with other work."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([binary, "export", "html", str(out), "--course", str(course), "--state", str(state)], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


def machine():
    cpu = "unknown CPU"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    memory = ""
    try:
        kib = int(next(line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")))
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "preflight"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="preflight-site-bench-"))
    try:
        large = work / "large"
        count = make_large_course(large)
        rows = []
        for name, course in [("shipped course", SHIPPED), (f"{count:,}-lesson course", large)]:
            out = work / f"site-{course.name}"
            median, low, high, cpu = time_export(args.binary, course, out, work / "state.sqlite", args.runs)
            files, size = folder_size(out)
            pages = len(list(out.glob("*.html")))
            rows.append(f"| {name} | {median:.2f} s ({low:.2f}–{high:.2f}) | {cpu:.2f} s | {pages:,} | {files:,} | {size / 1e6:.1f} MB |")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"Machine: {machine()}; release build; median of {args.runs} runs; load average {load:.1f} at the end.\n")
        print("| course | export, wall (min–max) | export, CPU | pages | files | size |")
        print("|---|---|---|---|---|---|")
        print("\n".join(rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
