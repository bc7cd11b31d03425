"""Preflight's warm Python runner.

One long-lived interpreter per worker, started once with common standard-library modules
already imported. For each example it forks a child that runs the example's file as
`__main__` with fresh globals, in its own process group, with the same limits, deadline and
output cap as the cold runner, and reports how it ended.

Protocol (see docs/warm-runner.md): requests arrive on fd 3 and responses leave on fd 4, one
JSON object per line. fds 0, 1 and 2 are /dev/null, so an example's child inherits a clean
standard input and the parent never writes to the streams the child takes over.
  ready:    {"ready": 1, "pid": <pid>}
  request:  {"file": path, "cwd": dir, "env": {...}, "timeout": s, "cpu": s,
             "memory": bytes, "fsize": bytes, "cap": bytes}
  response: {"status": "exited"|"signaled"|"timeout"|"cap", "code": n,
             "stdout": base64, "stderr": base64, "seconds": s}
"""

import base64
import json
import os
import select
import signal
import sys
import time

# The runner's own needs, plus modules examples commonly import, loaded once here so a forked
# child finds them ready. Kept modest: every module imported makes each fork copy more.
import atexit, builtins, importlib.machinery, random, resource, tempfile, threading, traceback, types  # noqa: E401
import collections, dataclasses, datetime, functools, hashlib, hmac, itertools, math, re  # noqa: E401,F401
import statistics, string, struct, textwrap  # noqa: E401,F401

REQUESTS, RESPONSES = 3, 4
PR_SET_CHILD_SUBREAPER = 36


def become_subreaper():
    """Adopt orphaned grandchildren so they can be reaped, not left as zombies."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except Exception:
        pass


def exit_code(error):
    """What the interpreter exits with for SystemExit(code)."""
    code = error.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        print(code, file=sys.stderr)
    except Exception:
        pass
    return 1


def report_uncaught(error, path):
    """Print an uncaught exception as the interpreter would, without this runner's frames."""
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != path:
        tb = tb.tb_next
    traceback.print_exception(type(error), error, tb, file=sys.stderr)


def run_as_main(path):
    """Run a file as the interpreter runs a script: a fresh `__main__` module with the same
    attributes, compiled from the file. (runpy does the same, but touches far more objects, and
    every object touched after fork is a page copied.)"""
    with open(path, "rb") as source:
        code = compile(source.read(), path, "exec", dont_inherit=True)
    module = types.ModuleType("__main__")
    module.__dict__.update({
        "__file__": path, "__cached__": None, "__builtins__": builtins, "__annotations__": {},
        "__loader__": importlib.machinery.SourceFileLoader("__main__", path),
    })
    sys.modules["__main__"] = module
    exec(code, module.__dict__)


def run_child(request):
    """In the forked child: become a fresh example process, run the file, exit. Never returns."""
    code = 1
    try:
        os.setpgid(0, 0)
        limits = (
            (resource.RLIMIT_CPU, request["cpu"]),
            (resource.RLIMIT_AS, request["memory"]),
            (resource.RLIMIT_FSIZE, request["fsize"]),
            (resource.RLIMIT_CORE, 0),
        )
        for kind, value in limits:
            resource.setrlimit(kind, (value, value))
        os.chdir(request["cwd"])
        # Only the variables that differ (HOME, TMPDIR): the interpreter started with the rest.
        wanted = request["env"]
        for name in [name for name in os.environ if name not in wanted]:
            del os.environ[name]
        for name, value in wanted.items():
            if os.environ.get(name) != value:
                os.environ[name] = value
        tempfile.tempdir = None
        random.seed()
        path = request["file"]
        sys.argv[:] = [path]
        sys.path[0] = os.path.dirname(path)
        interrupted = False
        try:
            run_as_main(path)
            code = 0
        except SystemExit as error:
            code = exit_code(error)
        except BaseException as error:  # noqa: B902 - the interpreter reports everything
            report_uncaught(error, path)
            code = 1
            interrupted = isinstance(error, KeyboardInterrupt)
        # The interpreter's own shutdown order: wait for threads, then run atexit handlers.
        try:
            threading._shutdown()
        except BaseException:
            pass
        try:
            atexit._run_exitfuncs()
        except BaseException:
            pass
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        if interrupted:
            # An uncaught KeyboardInterrupt ends the interpreter by SIGINT, not by exit status.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGINT)
    finally:
        os._exit(code)


def decode_status(status):
    if os.WIFSIGNALED(status):
        return "signaled", os.WTERMSIG(status)
    return "exited", os.WEXITSTATUS(status)


def peek_exit(pid):
    """The leader's end, without reaping it, so its group id stays ours until we kill it."""
    try:
        info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return None
    if info is None or info.si_pid != pid:
        return None
    if info.si_code == os.CLD_EXITED:
        return "exited", info.si_status
    return "signaled", info.si_status


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:  # already gone, or only zombies are left
        pass


def reap_group(pid):
    kill_group(pid)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:
        try:
            reaped, _ = os.waitpid(-pid, os.WNOHANG)
        except ChildProcessError:
            return
        if reaped == 0:
            time.sleep(0.002)


def run_example(request):
    started = time.monotonic()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(out_r)
        os.close(err_r)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        os.closerange(3, 4096)
        run_child(request)
    os.close(out_w)
    os.close(err_w)
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass
    deadline = started + request["timeout"]
    cap = request["cap"]
    chunks = {out_r: [], err_r: []}
    open_fds = [out_r, err_r]
    size = 0
    status = None
    ended = None
    while status is None:
        now = time.monotonic()
        if now >= deadline:
            status = ("timeout", 0)
            break
        wait = 0 if ended else min(0.05, deadline - now)
        readable = select.select(open_fds, [], [], wait)[0] if open_fds else []
        if not open_fds and not ended:
            time.sleep(0.0005)
        for fd in readable:
            data = os.read(fd, 65536)
            if not data:
                open_fds.remove(fd)
                continue
            room = cap - size
            chunks[fd].append(data[:max(room, 0)])
            size += len(data)
            if size > cap:
                status = ("cap", 0)
        if status is not None:
            break
        if ended is None:
            ended = peek_exit(pid)
        if ended is not None:
            kill_group(pid)
            if not open_fds:
                status = ended
    reap_group(pid)
    for fd in open_fds:
        while True:
            ready = select.select([fd], [], [], 0.05)[0]
            if not ready:
                break
            data = os.read(fd, 65536)
            if not data:
                break
            room = cap - size
            chunks[fd].append(data[:max(room, 0)])
            size += len(data)
    os.close(out_r)
    os.close(err_r)
    kind, code = status
    return {
        "status": kind,
        "code": code,
        "stdout": base64.b64encode(b"".join(chunks[out_r])).decode("ascii"),
        "stderr": base64.b64encode(b"".join(chunks[err_r])).decode("ascii"),
        "seconds": time.monotonic() - started,
    }


def main():
    import gc
    gc.collect()
    gc.freeze()  # long-lived objects stay out of the children's collections
    become_subreaper()
    requests = os.fdopen(REQUESTS, "rb", buffering=0)
    responses = os.fdopen(RESPONSES, "wb", buffering=0)
    responses.write(json.dumps({"ready": 1, "pid": os.getpid()}).encode() + b"\n")
    pending = b""
    while True:
        while b"\n" not in pending:
            data = requests.read(65536)
            if not data:
                return
            pending += data
        line, pending = pending.split(b"\n", 1)
        try:
            reply = run_example(json.loads(line))
        except Exception as error:  # report, never die: the caller falls back to a cold run
            reply = {"status": "error", "code": 0, "stdout": "", "stderr": "", "seconds": 0, "error": repr(error)}
        responses.write(json.dumps(reply).encode() + b"\n")


if __name__ == "__main__":
    main()
