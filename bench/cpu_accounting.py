"""CPU time spent by a server's processes and by PostgreSQL's backends for one database, read
from /proc (Linux), so a benchmark can report CPU per request beside req/s.

On a machine shared with other work, req/s mostly measures that other work; the CPU a request
costs the server and the database does not depend on it (much). Each figure is the sum of user
and system time of the live processes, in seconds; take one reading before and one after a
phase and subtract. A process that ends during the phase is lost (none do: uvicorn workers
and pooled database connections live for the whole phase).
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, user + system seconds) of a live process."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICKS


def _pids() -> list[int]:
    return [int(entry.name) for entry in PROC.iterdir() if entry.name.isdigit()]


def available() -> bool:
    return (PROC / "self" / "stat").exists()


def tree_cpu(root: int) -> dict[int, float]:
    """CPU seconds of `root` and every process under it, by pid."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for pid in _pids():
        found = _stat(pid)
        if found is not None:
            parents[pid], cpu[pid] = found
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return {pid: cpu[pid] for pid in tree if pid in cpu}


def postgres_backends_cpu(database: str) -> dict[int, float]:
    """CPU seconds of PostgreSQL's backends connected to `database` (their title names it:
    "postgres: [<cluster>:] <user> <database> <host> ..."), by pid."""
    found: dict[int, float] = {}
    for pid in _pids():
        try:
            title = (PROC / str(pid) / "cmdline").read_bytes().replace(b"\x00", b" ").split()
        except OSError:
            continue
        if title[:1] == [b"postgres:"] and database.encode() in title[2:4]:
            stat = _stat(pid)
            if stat is not None:
                found[pid] = stat[1]
    return found


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds spent between two readings (a process born in between counts from zero)."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())
