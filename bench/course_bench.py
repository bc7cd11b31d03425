#!/usr/bin/env python3
"""Course-scale speed: a 1,008-lesson course made from the shipped lessons.

Copies the shipped lessons under new ids until the course holds --lessons lessons (the shipped
course's 31 lessons, then copies `<id>-c1`, `<id>-c2`, ... in the same section folders, with
`requires` renamed to the same copy), then measures in one run, alternating, the median of
--runs runs of each:
  - `preflight lint`, cold (no course index) and with the index;
  - the `cmark` program parsing and rendering the same lesson files (the parser's own speed);
  - `preflight show <one lesson>`, cold and warm (index present);
  - `preflight quiz <one lesson>`, scripted (no answers, so every question is skipped);
  - `preflight list`;
  - `preflight learn <lesson>` in a pseudo-terminal, to the first full frame;
  - `preflight check` of the unchanged course, every example remembered as passed;
and the peak memory (maximum resident set) of each. Run it on the shipped course too with
--lessons 0 (the shipped lessons only).

Usage: bench/course_bench.py [--lessons 1008] [--runs 5] [--binary .build/release/preflight]
"""
import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LESSONS = os.path.join(ROOT, "lessons")


def shipped_lessons():
    """(section folder, file name, text) of every shipped lesson, in course order."""
    found = []
    for section in sorted(os.listdir(LESSONS)):
        folder = os.path.join(LESSONS, section)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".md"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    found.append((section, name, f.read()))
    return found


def renamed(text, copy):
    """The lesson under a new id: `id: x` becomes `id: x-c<copy>`, and so does each `requires`."""
    def requires(match):
        ids = [i.strip() for i in match.group(1).split(",") if i.strip()]
        return "requires: [" + ", ".join(f"{i}-c{copy}" for i in ids) + "]"
    text = re.sub(r"(?m)^id: ([a-z0-9-]+)$", lambda m: f"id: {m.group(1)}-c{copy}", text, count=1)
    return re.sub(r"(?m)^requires: \[([^\]]*)\]", requires, text, count=1)


def generate(folder, total):
    """The shipped course with copies up to `total` lessons (0: the shipped course alone)."""
    shutil.copytree(LESSONS, os.path.join(folder, "lessons"))
    shutil.copytree(os.path.join(ROOT, "exercises"), os.path.join(folder, "exercises"))
    course = os.path.join(folder, "lessons")
    lessons = shipped_lessons()
    count, copy = len(lessons), 1
    while count < total:
        # A partial last copy takes the first lessons in course order: `requires` points backwards.
        for section, name, text in lessons[: total - count]:
            number, slug = name.split("-", 1)
            target = os.path.join(course, section, f"{copy:03d}{number}-{slug[:-3]}-c{copy}.md")
            with open(target, "w", encoding="utf-8") as f:
                f.write(renamed(text, copy))
            count += 1
        copy += 1
    files = sorted(os.path.join(d, n) for d, _, names in os.walk(course) for n in names if n.endswith(".md"))
    return course, files


TIME = "/usr/bin/time"


def peak_kib(report):
    """The maximum resident set /usr/bin/time wrote for its child, in KiB. Measured by a small
    parent: a child forked from this Python process would count the interpreter's pages too."""
    with open(report) as f:
        return int(f.read().strip().splitlines()[-1])


def run_measured(argv, env, expect=(0,)):
    """(seconds, peak KiB, stdout, stderr) of one run."""
    report = os.path.join(tempfile.gettempdir(), f"course-bench-{os.getpid()}.rss")
    start = time.perf_counter()
    result = subprocess.run([TIME, "-f", "%M", "-o", report, *argv], env=env, stdin=subprocess.DEVNULL, capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in expect:
        sys.exit(f"{' '.join(argv)} exited {result.returncode}\n{result.stdout[-2000:].decode(errors='replace')}\n{result.stderr[-3000:].decode(errors='replace')}")
    return elapsed, peak_kib(report), result.stdout, result.stderr


def first_frame(argv, env, rows=24, cols=100, timeout=30.0):
    """(seconds to the first full frame, peak KiB): the learn screen draws its footer last, on
    the last row; the frame is full once the footer's key names have arrived."""
    report = os.path.join(tempfile.gettempdir(), f"course-bench-{os.getpid()}.pty.rss")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(TIME, [TIME, "-f", "%M", "-o", report, *argv], env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    seen = b""
    elapsed = None
    deadline = start + timeout
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        seen += data
        if b"q quit" in seen:
            elapsed = time.perf_counter() - start
            break
    os.write(fd, b"q")
    # Drain until the program ends, so it never blocks writing to a full terminal.
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit(f"learn never drew a full frame:\n{seen[-2000:].decode(errors='replace')}")
    return elapsed, peak_kib(report)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lessons", type=int, default=1008, help="lessons in the generated course (0: the shipped course)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/preflight"))
    parser.add_argument("--skip", default="", help="comma-separated measurements to leave out")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    cmark = shutil.which("cmark")
    if cmark is None:
        sys.exit("the `cmark` program is missing (Debian package `cmark`; `make bench` installs it)")
    if not os.access(TIME, os.X_OK):
        sys.exit(f"{TIME} is missing (Debian package `time`; `make bench` installs it)")

    work = tempfile.mkdtemp(prefix="preflight-course-bench-")
    try:
        course, files = generate(work, args.lessons)
        size = sum(os.path.getsize(f) for f in files)
        state = os.path.join(work, "state")
        os.makedirs(state)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work, "LANG": "C.UTF-8",
               "PREFLIGHT_STATE": state, "TERM": "xterm-256color"}
        index_files = lambda: [os.path.join(state, n) for n in os.listdir(state) if ".index." in n]

        def drop_index():
            for path in index_files():
                os.remove(path)

        middle = files[len(files) // 2]
        with open(middle, encoding="utf-8") as f:
            one = re.search(r"(?m)^id: ([a-z0-9-]+)$", f.read()).group(1)

        pf = lambda *a: [binary, *a, "--course", course]
        lint_expect = (0, 65)
        measurements = {
            "lint cold": lambda: (drop_index(), run_measured(pf("lint"), env, lint_expect))[1],
            "lint with index": lambda: run_measured(pf("lint"), env, lint_expect),
            "cmark": lambda: run_measured([cmark, *files], env),
            "show cold": lambda: (drop_index(), run_measured(pf("show", one, "--width", "100"), env))[1],
            "show warm": lambda: run_measured(pf("show", one, "--width", "100"), env),
            "quiz one lesson": lambda: run_measured(pf("quiz", one, "--answers", "-", "--json"), env),
            "list": lambda: run_measured(pf("list"), env),
            "learn first frame": lambda: first_frame(pf("learn", one), env),
            "check cached": lambda: run_measured(pf("check", "--jobs", "2"), env),
        }
        skip = {s.strip() for s in args.skip.split(",") if s.strip()}
        order = [name for name in measurements if name not in skip]

        # Every example passes once, so `check cached` has nothing to run; this also warms the
        # file cache and leaves an index behind.
        if "check cached" in order:
            run_measured(pf("check", "--jobs", "2"), env)
        results = {name: ([], []) for name in order}
        for _ in range(args.runs):
            for name in order:
                result = measurements[name]()
                results[name][0].append(result[0])
                results[name][1].append(result[1])

        print(f"course: {len(files)} lessons, {size / 1e6:.1f} MB; runs: {args.runs}; binary: {binary}")
        cmark_median = statistics.median(results["cmark"][0]) if "cmark" in results else None
        for name in order:
            times, peaks = results[name]
            median = statistics.median(times)
            ratio = f"  {median / cmark_median:5.2f}x cmark" if cmark_median and name in ("lint cold", "lint with index") else ""
            runs = ", ".join(f"{t:.3f}" for t in times)
            print(f"{name:18s} median {median:7.3f} s{ratio}  peak {max(peaks) / 1024:6.1f} MB  (runs: {runs})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
