"""Ralph's LRS, the real one from the test venv, on 127.0.0.1 with its file-system backend.

Usage: ralph_lrs.py PORT  (with RALPH_APP_DIR holding auth.json made by `ralph auth`, and
RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH naming the folder for its statements file).

`ralph runserver` would do the same through uvicorn's reloader (two more processes), but
Ralph's file-system LRS backend (checked in 4.2.0, 5.0.1 and 5.1.0) writes with the data
backend's default operation, `create`, which refuses to write once the statements file exists:
every POST of new statements after the first answers 500. Here it appends, as an LRS must;
nothing else about Ralph is changed.
"""

import os
import sys

os.environ.setdefault("RALPH_RUNSERVER_BACKEND", "fs")

from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402

uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
