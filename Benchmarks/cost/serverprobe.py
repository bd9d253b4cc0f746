"""What the cost scripts share: a server process's CPU time, a keep-alive HTTP/1.1 client over a
raw socket (so that any bytes can be sent), and starting a server on a free port. Standard
library only."""

import os
import re
import socket
import subprocess
import time


def cpu_ns(pid):
    """The CPU time of every thread of process `pid` so far, in nanoseconds, from the kernel's
    scheduler statistics (`/proc/PID/task/TID/schedstat`, its first field)."""
    total = 0
    folder = f"/proc/{pid}/task"
    for task in os.listdir(folder):
        try:
            with open(f"{folder}/{task}/schedstat") as file:
                total += int(file.read().split()[0])
        except FileNotFoundError:
            pass  # a thread that ended between the listing and the read
    return total


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command, port):
    """Starts `command` (which serves on `port`) and waits until it accepts connections."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"{command[0]} stopped: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{command[0]} did not start listening on {port}")


def request_bytes(method, target, body=None, content_type=None, headers=()):
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1"]
    if body is not None:
        lines.append(f"Content-Type: {content_type}")
        lines.append(f"Content-Length: {len(body)}")
    lines.extend(headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")


class Client:
    """One keep-alive connection, opened again whenever the server closes it."""

    def __init__(self, port, timeout=60):
        self.port = port
        self.timeout = timeout
        self.connection = None
        self.buffer = b""

    def close(self):
        if self.connection:
            self.connection.close()
        self.connection = None
        self.buffer = b""

    def send(self, raw, head=False):
        """Sends one request; returns (status, headers, body)."""
        if self.connection is None:
            self.connection = socket.create_connection(("127.0.0.1", self.port), timeout=self.timeout)
        try:
            self.connection.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # answered and closed before everything was read: the answer is still there
        while b"\r\n\r\n" not in self.buffer:
            if not self.receive():
                raise ConnectionError(f"the server closed the connection without an answer to {raw[:80]!r}")
        head_bytes, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head_bytes.decode("latin-1").split("\r\n")
        status = int(re.match(r"HTTP/1\.1 (\d{3})", lines[0]).group(1))
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = 0 if head else int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            if not self.receive():
                break
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body

    def receive(self):
        try:
            chunk = self.connection.recv(65536)
        except ConnectionResetError:
            chunk = b""
        self.buffer += chunk
        return bool(chunk)
