"""Helpers for the learning-record tests, talking to an LRS the way an instructor's tool would.

  lrs_tool.py wait URL SECONDS          exits 0 once URL gives any HTTP answer, 1 after SECONDS
  lrs_tool.py statements ENDPOINT USER PASSWORD
                                        prints every statement (following `more` links) as one
                                        JSON list, in the order the LRS returns them
  lrs_tool.py outbox DATABASE ID BODY   queues a statement in a progress database's outbox, as
                                        a statement Preflight itself could not have built
"""

import base64
import json
import sqlite3
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def wait(url, seconds):
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return 0
        except urllib.error.HTTPError:
            return 0  # up, if unhappy
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return 1


def statements(endpoint, user, password):
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    headers = {"Authorization": "Basic " + token, "X-Experience-API-Version": "1.0.3"}
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(endpoint))
    url = endpoint.rstrip("/") + "/statements?limit=100"
    found = []
    for _ in range(1000):
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:
            page = json.load(response)
        found += page["statements"]
        more = page.get("more")
        if not more or not page["statements"]:
            break
        url = more if more.startswith("http") else origin + more
    json.dump(found, sys.stdout)
    return 0


def outbox(database, statement_id, body):
    with sqlite3.connect(database) as db:
        db.execute("INSERT INTO outbox (statement_id, body, created_at) VALUES (?, ?, ?)", (statement_id, body, time.time()))
    return 0


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    sys.exit({"wait": wait, "statements": statements, "outbox": outbox}[command](*arguments))
