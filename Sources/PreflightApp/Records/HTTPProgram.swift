/// The Python program that carries Preflight's HTTP requests, embedded so the binary needs no
/// resource files and links no HTTP library (the release binary stays self-contained: Python's
/// standard library already knows HTTPS and the system's certificates). `HTTPTransport` starts
/// it as a trusted helper and speaks to it in JSON lines; see the docstring for the protocol.
enum HTTPProgram {
    static let source = #"""
"""Preflight's HTTP helper: performs the requests Preflight sends it, one at a time.

Each request is one JSON line on standard input:
  {"method": "POST", "url": "https://...", "headers": {...}, "body": "...", "timeout": 10}
Each answer is one JSON line on standard output, either
  {"status": 200, "reason": "OK", "headers": {"content-type": ...}, "body": "..."}
or, when no HTTP answer came,
  {"error": "refused" | "timeout" | "dns" | "tls" | "network" | "bad-request", "message": "..."}
Connections are kept open between requests to the same host. The helper ends when its input
closes, and the kernel ends it when Preflight (whose pid is argv[1]) ends.
"""

import ctypes
import http.client
import json
import os
import signal
import socket
import ssl
import sys
import urllib.parse

PR_SET_PDEATHSIG = 1
MAX_BODY = 64 * 1024 * 1024


def die_with_parent(parent):
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except Exception:
        pass
    if os.getppid() != parent:
        os._exit(0)  # Preflight ended before the request to die with it was made


connections = {}


def connection(url, timeout):
    key = (url.scheme, url.hostname, url.port)
    found = connections.get(key)
    if found is None:
        if url.scheme == "https":
            found = http.client.HTTPSConnection(url.hostname, url.port, timeout=timeout, context=ssl.create_default_context())
        else:
            found = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
        connections[key] = found
    found.timeout = timeout
    if found.sock is not None:
        found.sock.settimeout(timeout)
    return key, found


def perform(request):
    url = urllib.parse.urlsplit(request["url"])
    if url.scheme not in ("http", "https") or not url.hostname:
        return {"error": "bad-request", "message": "not an http(s) URL: " + request["url"]}
    target = url.path or "/"
    if url.query:
        target += "?" + url.query
    body = request.get("body")
    data = body.encode("utf-8") if body is not None else None
    timeout = float(request.get("timeout", 10))
    for attempt in (0, 1):
        key, conn = connection(url, timeout)
        try:
            conn.request(request["method"], target, body=data, headers=request.get("headers", {}))
            response = conn.getresponse()
            payload = response.read(MAX_BODY)
            headers = {name.lower(): value for name, value in response.getheaders()}
            if response.will_close:
                conn.close()
                connections.pop(key, None)
            return {"status": response.status, "reason": response.reason, "headers": headers,
                    "body": payload.decode("utf-8", "replace")}
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as error:
            # A kept-alive connection the server had closed: one fresh try.
            conn.close()
            connections.pop(key, None)
            if attempt == 1:
                return {"error": "network", "message": "the connection was closed: " + str(error)}
        except Exception as error:
            conn.close()
            connections.pop(key, None)
            return describe(error)
    return {"error": "network", "message": "no answer"}


def describe(error):
    if isinstance(error, ConnectionRefusedError):
        return {"error": "refused", "message": "connection refused"}
    if isinstance(error, (socket.timeout, TimeoutError)):
        return {"error": "timeout", "message": "no answer in time"}
    if isinstance(error, socket.gaierror):
        return {"error": "dns", "message": "the host name could not be resolved (" + str(error.strerror or error) + ")"}
    if isinstance(error, ssl.SSLError):
        return {"error": "tls", "message": "the secure connection failed: " + str(getattr(error, "reason", None) or error)}
    if isinstance(error, OSError):
        return {"error": "network", "message": error.strerror or str(error)}
    return {"error": "network", "message": type(error).__name__ + ": " + str(error)}


def main():
    die_with_parent(int(sys.argv[1]))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Preflight decides when to stop
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            request = json.loads(line)
            answer = perform(request)
        except Exception as error:
            answer = {"error": "bad-request", "message": type(error).__name__ + ": " + str(error)}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
"""#
}
