"""Errors the CLI turns into a one-line message and exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: the message names the path and the reason, ready to print."""

    def __init__(self, path: str, reason: str):
        path, reason = printable(path), printable(reason)
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def printable(text: str) -> str:
    """``text`` safe on one terminal line: bytes a file name could not decode (surrogate escapes) and control
    characters (escape sequences, a newline that would forge another line) written as ``\\xNN``."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x20 or 0x7F <= code < 0xA0:
        return f"\\x{code:02x}"
    return ch  # other non-printing characters (format marks) are the text's own


class UsageError(Exception):
    """The command line or a setting does not make sense."""
