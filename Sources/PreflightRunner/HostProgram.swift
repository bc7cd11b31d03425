/// The Python program every example host runs, embedded so that the binary needs no resource
/// files: `python3 -c <source>`. It is the one place where an example's process is created and
/// set up (new session, limits, descriptors, working folder), for cold runs (it executes the
/// runner's program) and warm runs (it runs the file in its forked, already warm interpreter);
/// `Supervisor` keeps the deadline and decides the verdict for both. The protocol is in its
/// docstring and in docs/warm-runner.md.
enum HostProgram {
    static let source = #"""
"""Preflight's example host: the one process that starts examples, one at a time.

Preflight starts one host per worker, inside a bubblewrap sandbox or a new PID namespace when the
machine allows it (the host is then process 1 there, and the kernel kills everything in the
namespace when it ends), otherwise as a child subreaper. For each example Preflight sends a
request with the example's output pipes attached; the host forks a child that sets itself up
exactly as the request says (new session, limits, descriptors, working folder) and then either
executes the runner's program (a cold run) or runs the example's Python file in the forked,
already warm interpreter (a warm run). The host reports when the example ends; Preflight, which
reads the output and keeps the deadline, then asks it to stop what is left, and the host kills
and reaps every other process and says how many there were. See docs/warm-runner.md.

Messages are lines of JSON on a Unix socket at descriptor 3:
  host:      {"ready": 1, "pid": n, "init": bool, "python": path}
  preflight: {"start": {...}} with the example's stdout and stderr attached (SCM_RIGHTS)
  host:      {"started": pid} | {"failed": step, "errno": n}
  host:      {"exited": wait status}        (when the example's own process ends)
  preflight: {"stop": 1}
  host:      {"stopped": n}                 (n other processes were still running)
"""

import array
import errno
import json
import os
import resource
import select
import signal
import socket
import sys

# Modules examples commonly import, loaded once here so a forked child finds them ready. Kept
# modest: every module imported makes each fork copy more.
import atexit, builtins, importlib.machinery, random, tempfile, threading, traceback, types  # noqa: E401
import collections, dataclasses, datetime, functools, hashlib, hmac, itertools, math, re  # noqa: E401,F401
import statistics, string, struct, textwrap  # noqa: E401,F401

CONTROL = 3
PR_SET_CHILD_SUBREAPER = 36
LIMITS = (
    ("cpu", resource.RLIMIT_CPU), ("memory", resource.RLIMIT_AS),
    ("fsize", resource.RLIMIT_FSIZE), ("nproc", resource.RLIMIT_NPROC),
)


def become_subreaper():
    """Adopt orphaned descendants, so that nothing an example starts escapes to init."""
    import ctypes
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


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
    """Print an uncaught exception as the interpreter would, without the host's frames."""
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


def run_warm(path):
    """The example's file as the interpreter would run it; returns the exit status."""
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
    return code


def become_example(request, out_fd, err_fd, report_fd, step):
    """In the forked child: set up as the request says. `step` (a one-item list) names the
    step in progress, so a failure can be reported as that step and its errno."""
    step[0] = "signals"
    signal.set_wakeup_fd(-1)
    for number in signal.valid_signals():
        if number not in (signal.SIGKILL, signal.SIGSTOP):
            try:
                signal.signal(number, signal.SIG_DFL)
            except (OSError, ValueError, RuntimeError):
                pass
    if "argv" not in request:
        # What a fresh interpreter sets up at start-up, for the example that runs in this one.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    step[0] = "setsid"
    os.setsid()
    for name, kind in LIMITS:
        value = request["limits"].get(name, 0)
        if value > 0:
            step[0] = "setrlimit " + name
            # The CPU limit's hard value a second later: SIGXCPU at the limit, SIGKILL after.
            resource.setrlimit(kind, (value, value + 1 if kind == resource.RLIMIT_CPU else value))
    step[0] = "setrlimit core"
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    step[0] = "dup2"
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    os.closerange(3, report_fd)
    os.closerange(report_fd + 1, 65536)
    step[0] = "chdir"
    os.chdir(request["cwd"])


def child(request, out_fd, err_fd, report_fd):
    """The forked child. Never returns: everything ends in os._exit."""
    code = 127
    step = ["fork"]
    report = report_fd
    try:
        become_example(request, out_fd, err_fd, report_fd, step)
        env = request["env"]
        if "argv" in request:
            step[0] = "execve"
            os.execve(request["argv"][0], request["argv"], env)
        step[0] = "environment"
        for name in [name for name in os.environ if name not in env]:
            del os.environ[name]
        for name, value in env.items():
            if os.environ.get(name) != value:
                os.environ[name] = value
        tempfile.tempdir = None
        random.seed()
        path = request["file"]
        sys.argv[:] = [path]
        sys.path[0] = os.path.dirname(path)
        os.close(report)  # set-up done: from here on the example's own errors are its output
        report = -1
        code = run_warm(path)
    except BaseException as error:  # noqa: B902 - reported to the host, never raised
        if report >= 0:
            number = error.errno if isinstance(error, OSError) and error.errno else errno.EINVAL
            try:
                os.write(report, json.dumps({"failed": step[0], "errno": number}).encode())
            except BaseException:
                pass
    finally:
        os._exit(code)


class Host:
    def __init__(self):
        self.control = socket.socket(fileno=CONTROL)
        self.init = os.getpid() == 1
        self.example = None
        self.fds = []
        self.pending = b""
        wake_r, wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self.wake = wake_r
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda number, frame: None)

    def send(self, message):
        self.control.sendall(json.dumps(message).encode() + b"\n")

    def start(self, request):
        out_fd, err_fd = self.fds.pop(0), self.fds.pop(0)
        report_r, report_w = os.pipe2(os.O_CLOEXEC)
        pid = os.fork()
        if pid == 0:
            os.close(report_r)
            child(request, out_fd, err_fd, report_w)
        os.close(report_w)
        os.close(out_fd)
        os.close(err_fd)
        chunks = []
        while True:
            data = os.read(report_r, 4096)
            if not data:
                break
            chunks.append(data)
        os.close(report_r)
        if chunks:
            os.waitpid(pid, 0)
            self.send(json.loads(b"".join(chunks)))
            return
        self.example = pid
        self.send({"started": pid})
        self.reap()

    def reap(self):
        """Collects every child that has ended; reports the example's own end."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid == self.example:
                self.example = None
                self.send({"exited": status})

    def children(self):
        """This process's children: from the kernel's list, or else by scanning /proc."""
        me = os.getpid()
        try:
            with open("/proc/self/task/%d/children" % me) as listing:
                return [int(word) for word in listing.read().split()]
        except OSError:
            pass
        found = []
        for name in os.listdir("/proc"):
            if name.isdigit():
                try:
                    with open("/proc/%s/stat" % name) as stat:
                        fields = stat.read().rsplit(")", 1)[1].split()
                except (OSError, IndexError):
                    continue
                if int(fields[1]) == me:
                    found.append(int(name))
        return found

    def sweep(self, example):
        """Kills and reaps every process but the host. Returns how many were still running,
        not counting the example's own process."""
        killed = 0
        if self.init:
            # Process 1 of a PID namespace: kill(-1) reaches everything else in it at once.
            try:
                os.kill(-1, signal.SIGKILL)
            except ProcessLookupError:
                pass
        while True:
            pids = [] if self.init else self.children()
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            # Killing a child hands its own children to this subreaper: look again until none.
            reaped = 0
            while True:
                try:
                    pid, status = os.waitpid(-1, 0 if self.init or reaped < len(pids) else os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    break
                reaped += 1
                if pid != example and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
                    killed += 1
            if self.init or not pids:
                return killed

    def stop(self):
        example, self.example = self.example, None
        self.send({"stopped": self.sweep(example)})

    def handle(self, line):
        message = json.loads(line)
        if "start" in message:
            self.start(message["start"])
        elif "stop" in message:
            self.stop()

    def receive(self):
        data, ancillary, _, _ = self.control.recvmsg(65536, socket.CMSG_SPACE(8 * 4))
        if not data:
            return False
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds = array.array("i")
                fds.frombytes(payload[:len(payload) - len(payload) % fds.itemsize])
                self.fds.extend(fds)
        self.pending += data
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            self.handle(line)
        return True

    def serve(self):
        poller = select.poll()
        poller.register(self.control.fileno(), select.POLLIN)
        poller.register(self.wake, select.POLLIN)
        while True:
            for fd, _ in poller.poll():
                if fd == self.wake:
                    try:
                        while os.read(self.wake, 512):
                            pass
                    except BlockingIOError:
                        pass
                    self.reap()
                elif not self.receive():
                    return


def main():
    # Process 1 of a namespace only gets the signals it handles from inside: an example cannot
    # interrupt the host with SIGINT once Python's own handler is gone.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    host = Host()
    if not host.init:
        become_subreaper()
    import gc
    gc.collect()
    gc.freeze()  # long-lived objects stay out of the children's collections
    host.send({"ready": 1, "pid": os.getpid(), "init": host.init, "python": sys.executable})
    try:
        host.serve()
    finally:
        # Preflight has gone: nothing may outlive the host (as process 1 its end does this).
        if not host.init:
            host.sweep(host.example)


if __name__ == "__main__":
    main()
"""#
}
