"""Start-up check: does the running environment match the lock file the model was trained with?"""
import importlib.metadata as md


def check_environment(lock_text, paths=None):
    """Return a sorted list of problems; an empty list means the environment matches.

    lock_text -- the contents of a pip-compile style requirements.txt
    paths     -- folders to search for installed distributions (None means sys.path)
    """
    installed = {}
    for dist in md.distributions(**({"path": paths} if paths is not None else {})):
        installed[dist.metadata["Name"]] = dist.version

    problems = []
    for line in lock_text.splitlines():
        name, version = line.split("==")
        if name in installed and installed[name] != version:
            problems.append(f"MISMATCH {name}: locked {version}, installed {installed[name]}")
    return problems
