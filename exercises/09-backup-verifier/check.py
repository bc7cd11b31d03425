"""Check backup_verifier.verify_restore against restores that really go wrong."""
import hashlib
import shutil
import sys
from pathlib import Path

from backup_verifier import verify_restore

BUNDLE = {
    "model.bin": b"\x00\x01weights-v6" * 400,
    "config.json": b'{"threshold": 0.62, "features": ["age", "country", "income"]}',
    "preprocessing/scaler.json": b'{"mean": [41.2, 52000.0], "std": [12.1, 18000.0]}',
    "preprocessing/vocab.txt": b"DE\nFR\nUS\n",
}


def manifest_for(files, binary=False):
    mark = "*" if binary else " "
    return "".join(f"{hashlib.sha256(data).hexdigest()} {mark}{name}\n"
                   for name, data in sorted(files.items()))


MANIFEST = "# written by release job for fraud-model v6\n" + manifest_for(BUNDLE)


def restore(case, damage=None):
    """Write the bundle into a fresh folder, then apply one kind of damage."""
    root = Path(case)
    shutil.rmtree(root, ignore_errors=True)
    for name, data in BUNDLE.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    if damage:
        damage(root)
    return root


def flip_bit(root):
    raw = bytearray((root / "model.bin").read_bytes())
    raw[1234] ^= 0x04
    (root / "model.bin").write_bytes(bytes(raw))


def ok_report(**lists):
    report = {"missing": [], "changed": [], "unexpected": []}
    report.update(lists)
    report["ok"] = not any(report.values())
    return report


CASES = [
    ("intact restore", lambda: verify_restore(restore("c1"), MANIFEST), ok_report()),
    ("one flipped bit in model.bin",
     lambda: verify_restore(restore("c2", flip_bit), MANIFEST),
     ok_report(changed=["model.bin"])),
    ("scaler lost (job copied top-level files only)",
     lambda: verify_restore(
         restore("c3", lambda r: (r / "preprocessing/scaler.json").unlink()), MANIFEST),
     ok_report(missing=["preprocessing/scaler.json"])),
    ("stale vocabulary left in the folder",
     lambda: verify_restore(
         restore("c4", lambda r: (r / "preprocessing/vocab-v5.txt").write_bytes(b"DE\n")),
         MANIFEST),
     ok_report(unexpected=["preprocessing/vocab-v5.txt"])),
    ("manifest restored next to the bundle",
     lambda: verify_restore(
         restore("c5", lambda r: (r / "MANIFEST.sha256").write_text(MANIFEST)), MANIFEST),
     ok_report()),
    ("sha256sum --binary manifest",
     lambda: verify_restore(restore("c6"), manifest_for(BUNDLE, binary=True)),
     ok_report()),
    ("empty restore folder",
     lambda: verify_restore(restore("c7", lambda r: [p.unlink() for p in r.rglob("*")
                                                    if p.is_file()]), MANIFEST),
     ok_report(missing=sorted(BUNDLE))),
    ("empty manifest is refused",
     lambda: verify_restore(restore("c8"), "# nothing here\n"),
     ("raised", "ValueError")),
]

failures = 0
for label, run, expected in CASES:
    try:
        got = run()
    except Exception as error:  # noqa: BLE001 - report any crash as a failed case
        got = ("raised", type(error).__name__)
    if got == expected:
        print(f"PASS  {label}")
    else:
        failures += 1
        print(f"FAIL  {label}\n      expected {expected}\n      got      {got}")
print(f"{len(CASES) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
