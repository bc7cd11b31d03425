"""Start-up check: does the running environment match the lock file the model was trained with?"""
import importlib.metadata as md
import re


def normalize(name):
    """PEP 503: case-insensitive, and runs of '-', '_' and '.' are equivalent."""
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_lock(lock_text):
    """Yield (requirement as written, normalized name, pinned version or None)."""
    for raw in lock_text.splitlines():
        line = raw.split("#", 1)[0].strip().rstrip("\\").strip()
        if not line or line.startswith("-"):          # blank, comment, --hash / --index-url
            continue
        spec = line.split()[0]
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^=,;\s]+)", spec)
        if match:
            yield spec, normalize(match.group(1)), match.group(3)
        else:
            yield spec, None, None


def check_environment(lock_text, paths=None):
    """Return a sorted list of problems; an empty list means the environment matches.

    lock_text -- the contents of a pip-compile style requirements.txt
    paths     -- folders to search for installed distributions (None means sys.path)
    """
    installed = {}
    for dist in md.distributions(**({"path": paths} if paths is not None else {})):
        installed.setdefault(normalize(dist.metadata["Name"]), dist.version)

    problems = []
    for spec, name, version in parse_lock(lock_text):
        if name is None:
            problems.append((normalize(re.split(r"[\[<>=!~; ]", spec)[0]), f"UNPINNED {spec}"))
        elif name not in installed:
            problems.append((name, f"MISSING {name}=={version}"))
        elif installed[name] != version:
            problems.append((name, f"MISMATCH {name}: locked {version}, installed {installed[name]}"))
    return [message for _, message in sorted(problems)]
