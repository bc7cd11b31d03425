"""An LRS that is up but broken: every request answers 500 Internal Server Error.

Usage: failing_lrs.py PORT  (listens on 127.0.0.1; for the tests of how a sync reports a server
error and keeps its statements).
"""

import http.server
import sys


class Broken(http.server.BaseHTTPRequestHandler):
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        body = b'{"detail": "the database is down"}'
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = answer

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Broken).serve_forever()
