"""Verify a restored model bundle against the SHA-256 manifest written at release time."""
import hashlib
from pathlib import Path

MANIFEST_NAME = "MANIFEST.sha256"   # may be restored alongside the bundle; never a bundle file


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def parse_manifest(text):
    """Return {relative/path: hex digest} from `sha256sum` output."""
    entries = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, name = line.split(None, 1)
        if name.startswith("*"):          # sha256sum --binary marks paths with '*'
            name = name[1:]
        entries[name.strip()] = digest.lower()
    if not entries:
        raise ValueError("manifest lists no files")
    return entries


def verify_restore(folder, manifest_text):
    """Compare a restored folder with the manifest.

    Returns {"missing": [...], "changed": [...], "unexpected": [...], "ok": bool}.
    """
    expected = parse_manifest(manifest_text)
    root = Path(folder)
    present = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name != MANIFEST_NAME
    }
    missing = sorted(set(expected) - present)
    changed = sorted(name for name in set(expected) & present
                     if sha256_file(root / name) != expected[name])
    unexpected = sorted(present - set(expected))
    return {
        "missing": missing,
        "changed": changed,
        "unexpected": unexpected,
        "ok": not (missing or changed or unexpected),
    }
