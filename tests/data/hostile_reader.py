"""A PDF reader gone wrong, on cue from the file's content: it runs in the parser worker
process (sent there by reference), so the worker's real limits are exercised. Kept apart from
the test modules so that each restarted worker imports only this and the real reader."""

from __future__ import annotations

import os
import signal

from desktop.core.ingest.readers.pdf_reader import read_pdf
from desktop.core.model.draft import Draft


def hostile_pdf(data: bytes, source: str) -> Draft:
    if b"LOOP" in data:
        while True:
            pass
    if b"BALLOON" in data:
        blocks = []
        for _ in range(256):  # 8 GB at most, should the memory limit ever fail to hold
            blocks.append(bytearray(32 << 20))
        raise AssertionError("allocated 8 GB: the memory limit did not hold")
    if b"CRASH" in data:
        os.kill(os.getpid(), signal.SIGSEGV)
    return read_pdf(data, source)
