#!/usr/bin/env python3
"""Preflight's warm and cold runners against tools that check Markdown examples.

Installs the peers into a local virtual environment from PyPI (byexample, phmdoctest, pytest,
pytest-codeblocks, sybil), writes the same corpus of deterministic examples in each tool's own
Markdown form, checks that every tool passes it and flags the same two corrupted examples, then
times each, alternating, median of several runs, and reports each as a ratio to Preflight warm.
Also checks a large corpus with Preflight warm alone.

Usage: bench/peers_bench.py [--examples 200] [--runs 5] [--jobs CORES] [--large 5000]
                            [--binary .build/release/preflight] [--venv bench/out/venv]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def host_imports():
    """The import lines of the example host Preflight embeds, so the fork floor forks an
    interpreter as heavy as the host."""
    with open(os.path.join(ROOT, "Sources/PreflightRunner/HostProgram.swift")) as f:
        source = f.read().split('#"""', 1)[1]
    return "\n".join(line for line in source.splitlines() if line.startswith("import ")) + "\n"


HOST_IMPORTS = host_imports()
PER_FILE = 10
PEERS = ["byexample==11.0.0", "phmdoctest==1.4.0", "pytest==9.2.0", "pytest-codeblocks==0.18.0", "sybil==10.1.0"]


def example(i):
    """Three lines of code and the line they print; every example differs."""
    code = [f"values = [(k * {i % 97 + 3} + {i % 13}) % 101 for k in range(40)]",
            "total = sum(values)",
            f'print("example {i}:", total, max(values), min(values))']
    values = [(k * (i % 97 + 3) + i % 13) % 101 for k in range(40)]
    return code, f"example {i}: {sum(values)} {max(values)} {min(values)}"


def write_corpus(folder, count, corrupt=()):
    """The corpus in every tool's form. `corrupt` lists examples whose expected line is wrong."""
    forms = {name: os.path.join(folder, name) for name in ("preflight", "fenced", "codeblocks", "doctest", "scripts")}
    os.makedirs(os.path.join(forms["preflight"], "01-bench"))
    for path in list(forms.values())[1:]:
        os.makedirs(path)
    with open(os.path.join(forms["preflight"], "course.yaml"), "w") as f:
        f.write("id: bench\ntitle: Bench\ntimeout: 10\nrunners:\n  python: python3 {file}\n"
                "sections:\n  - id: bench\n    title: Bench\n    summary: Synthetic.\n")
    with open(os.path.join(forms["doctest"], "conftest.py"), "w") as f:
        f.write("from sybil import Sybil\nfrom sybil.parsers.markdown import PythonCodeBlockParser\n"
                "pytest_collect_file = Sybil(parsers=[PythonCodeBlockParser()], patterns=['*.md']).pytest()\n")
    for start in range(1, count + 1, PER_FILE):
        numbers = range(start, min(start + PER_FILE, count + 1))
        name = f"{start:05d}"
        parts = {key: [f"# Examples {start}\n"] for key in ("preflight", "fenced", "codeblocks", "doctest")}
        parts["preflight"].insert(0, f"---\nid: lesson-{start}\ntitle: Examples {start}\nsummary: Synthetic.\n---\n\n")
        for i in numbers:
            code, output = example(i)
            if i in corrupt:
                output += " (corrupted)"
            body = "\n".join(code)
            parts["preflight"].append(f"```python\n{body}\n```\n\n```output\n{output}\n```\n")
            parts["fenced"].append(f"```python\n{body}\n```\n\n```\n{output}\n```\n")
            parts["codeblocks"].append(f"```python\n{body}\n```\n<!--pytest-codeblocks:expected-output-->\n```\n{output}\n```\n")
            session = "\n".join(">>> " + line for line in code)
            parts["doctest"].append(f"```python\n{session}\n{output}\n```\n")
            with open(os.path.join(forms["scripts"], f"{i:05d}.py"), "w") as f:
                f.write(body + "\n")
        for key in parts:
            target = os.path.join(forms[key], "01-bench" if key == "preflight" else "", f"{name}.md")
            with open(target, "w") as f:
                f.write("\n".join(parts[key]))
    return forms


def run(command, cwd=None):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def failures(tool, result):
    """How many examples a tool reported as failing, read from its own summary."""
    text = result.stdout + result.stderr
    if tool.startswith("preflight"):
        match = re.search(r"(\d+) passed, (\d+) failed", text)
        return int(match.group(2)) if match else None
    if tool == "byexample":
        return len(re.findall(r"^Failed example:", text, re.M))
    match = re.search(r"(\d+) failed", text)
    return int(match.group(1)) if match else (0 if re.search(r"\d+ passed", text) else None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/preflight"))
    parser.add_argument("--venv", default=os.path.join(ROOT, "bench/out/venv"))
    args = parser.parse_args()

    if not os.path.exists(os.path.join(args.venv, "bin", "pytest")):
        subprocess.run([sys.executable, "-m", "venv", args.venv], check=True)
        subprocess.run([os.path.join(args.venv, "bin", "pip"), "install", "-q"] + PEERS, check=True)
    bin_ = lambda name: os.path.join(args.venv, "bin", name)  # noqa: E731
    python = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True).stdout.strip()
    work = tempfile.mkdtemp(prefix="preflight-peers-")
    try:
        def commands(forms, state):
            course = forms["preflight"]
            fenced_files = sorted(os.path.join(forms["fenced"], f) for f in os.listdir(forms["fenced"]))
            generated = os.path.join(os.path.dirname(forms["fenced"]), "generated")

            def phmdoctest():
                shutil.rmtree(generated, ignore_errors=True)
                os.makedirs(generated)
                for path in fenced_files:
                    out = os.path.join(generated, "test_" + os.path.basename(path).replace(".md", ".py"))
                    run([bin_("phmdoctest"), path, "--outfile", out])
                return run([bin_("pytest"), "-q", "-p", "no:cacheprovider", generated])

            scripts = sorted(os.path.join(forms["scripts"], f) for f in os.listdir(forms["scripts"]))

            def floor():
                def one(path):
                    folder = tempfile.mkdtemp(dir=work)
                    subprocess.run([python, path], cwd=folder, stdin=subprocess.DEVNULL, capture_output=True)
                    shutil.rmtree(folder)
                with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                    list(pool.map(one, scripts))
                return subprocess.CompletedProcess([], 0, "", "")

            def fork_floor():
                # What any warm runner must pay: a bare fork() and _exit() of an interpreter that
                # has imported what Preflight's host imports, one such interpreter per job.
                share = -(-len(scripts) // args.jobs)
                program = HOST_IMPORTS + f"""
import os
for _ in range({share}):
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
"""
                procs = [subprocess.Popen([python, "-c", program]) for _ in range(args.jobs)]
                for proc in procs:
                    proc.wait()
                return subprocess.CompletedProcess([], 0, "", "")

            check = [args.binary, "check", "--course", course, "--state", state, "--no-cache", "--jobs", str(args.jobs)]
            return {
                "preflight warm": lambda: run(check),
                "preflight warm, no sandbox": lambda: run(check + ["--no-sandbox"]),
                "fork floor": fork_floor,
                "preflight cold": lambda: run(check + ["--cold"]),
                "floor": floor,
                "phmdoctest + pytest": phmdoctest,
                "pytest-codeblocks": lambda: run([bin_("pytest"), "-q", "-p", "no:cacheprovider", "--codeblocks", forms["codeblocks"]]),
                "sybil": lambda: run([bin_("pytest"), "-q", "-p", "no:cacheprovider", forms["doctest"]]),
                "byexample": lambda: run([bin_("byexample"), "-l", "python", "--jobs", str(args.jobs)] + sorted(
                    os.path.join(forms["doctest"], f) for f in os.listdir(forms["doctest"]) if f.endswith(".md"))),
            }

        clean = commands(write_corpus(os.path.join(work, "clean"), args.examples), os.path.join(work, "a.sqlite"))
        broken_ids = (17, args.examples - 3)
        broken = commands(write_corpus(os.path.join(work, "broken"), args.examples, corrupt=broken_ids), os.path.join(work, "b.sqlite"))
        for tool in clean:
            if tool in ("floor", "fork floor"):
                continue
            ok, bad = failures(tool, clean[tool]()), failures(tool, broken[tool]())
            status = "ok" if ok == 0 and bad == 2 else "MISMATCH"
            print(f"{tool:22s} clean corpus: {ok} failed; corrupted corpus: {bad} failed ({status})")
            if status != "ok":
                sys.exit(f"{tool} did not pass the clean corpus and flag exactly the two corrupted examples")

        times = {tool: [] for tool in clean}
        for _ in range(args.runs):
            for tool, command in clean.items():
                start = time.perf_counter()
                command()
                times[tool].append(time.perf_counter() - start)
        warm = statistics.median(times["preflight warm"])
        print(f"\n{args.examples} examples, {args.jobs} jobs, median of {args.runs} alternating runs")
        for tool, values in times.items():
            median = statistics.median(values)
            print(f"{tool:26s} {median:7.3f} s   {median / warm:5.2f}x warm   runs: {', '.join(f'{v:.3f}' for v in values)}")
        per_example = (warm - statistics.median(times["fork floor"])) / args.examples * args.jobs
        print(f"preflight warm costs {per_example * 1000:.2f} ms of a worker's time per example above a bare fork and exit")

        large = write_corpus(os.path.join(work, "large"), args.large)
        state = os.path.join(work, "large.sqlite")
        check = [args.binary, "check", "--course", large["preflight"], "--state", state, "--no-cache", "--jobs", str(args.jobs)]
        run(check)
        large_times = []
        for _ in range(3):
            start = time.perf_counter()
            result = run(check)
            large_times.append(time.perf_counter() - start)
            if f"{args.large} passed, 0 failed" not in result.stdout:
                sys.exit("the large corpus did not pass:\n" + result.stdout[-1000:])
        print(f"\n{args.large} examples with preflight warm: median {statistics.median(large_times):.3f} s (runs: {', '.join(f'{v:.3f}' for v in large_times)})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
