"""The review file: a fact-checker's decisions on findings, kept from one run to the next (docs/review.md).

It is a baseline file (:mod:`compare.ci.baseline`), not a format of its own: entries
keyed by fingerprint, carrying the finding's rule, documents and message for the
people reading it, and the review in fields a person adds, which ``baseline
--update`` and ``audit`` keep::

    "review": "false-alarm",   # verified | false-alarm | note
    "note": "the 41 counts only soldiers",
    "by": "alice",
    "at": "2024-03-25T10:12:00+00:00"

So ``check --baseline`` reads a review file (every entry in it is known, not new),
``audit`` goes through it, and a team may keep one file for both. Fingerprints
leave offsets, ids and the other articles out, so a review made on one run is
found again after the corpus grows or an article is edited elsewhere.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ..errors import InputError
from ..model import REVIEW_STATUSES, Corpus, Finding, Review

DEFAULT_NAME = ".compare-review.json"
#: The fields of an entry that hold the review; the rest is the tool's description of the finding.
FIELDS = ("review", "note", "by", "at")
MIN_PREFIX = 6  #: the shortest fingerprint prefix ``review --finding`` takes, as git takes short hashes


def default_path(configured: Path | None, root: Path) -> Path:
    """``review`` of [tool.compare-sources], else .compare-review.json at the project root: the folder the
    fingerprints' paths are relative to, so that the file is found from any folder of the project."""
    return configured or root / DEFAULT_NAME


def load(path: Path, *, required: bool) -> tuple[list[dict], dict]:
    """(entries, recorded settings) of a review file; a missing one is empty unless ``required``."""
    from ..ci import baseline

    if not required and not path.exists():
        return [], {}
    found = baseline.load(path, "review file", "compare-sources review")
    for entry in found.entries:
        status = entry.get("review")
        if status is not None and status not in REVIEW_STATUSES:
            raise InputError(
                str(path),
                f"finding {entry['fingerprint']}: review {status!r} is not one of {', '.join(REVIEW_STATUSES)}",
            )
    return found.entries, found.settings


def reviews(entries: list[dict]) -> dict[str, Review]:
    """Fingerprint → review, for the entries that hold one (a baseline's own entries hold none)."""
    return {
        e["fingerprint"]: Review(e["review"], str(e.get("note", "")), str(e.get("by", "")), str(e.get("at", "")))
        for e in entries
        if e.get("review") in REVIEW_STATUSES
    }


def fingerprint_all(corpus: Corpus, root: Path) -> None:
    """Give every finding its fingerprint, which the reports show and reviews are keyed by."""
    from ..ci.fingerprint import fingerprint

    for finding in corpus.findings:
        finding.fingerprint = fingerprint(finding, corpus, root)


def apply(corpus: Corpus, found: dict[str, Review], show_false_alarms: bool) -> Corpus:
    """Attach each fingerprinted finding's review; leave out false alarms (counted) unless they are to be shown.
    The same corpus, changed."""
    for finding in corpus.findings:
        finding.review = found.get(finding.fingerprint)
    if not show_false_alarms:
        kept = [f for f in corpus.findings if f.review is None or f.review.status != "false-alarm"]
        corpus.false_alarms_hidden = len(corpus.findings) - len(kept)
        corpus.findings = kept
    return corpus


def label(review: Review) -> str:
    """``false alarm by alice, 2024-03-25: the 41 counts only soldiers``: one line for the text reports."""
    who = f" by {review.by}" if review.by else ""
    when = f", {review.at[:10]}" if review.at else ""
    return f"{review.status.replace('-', ' ')}{who}{when}" + (f": {review.note}" if review.note else "")


def hidden_line(count: int) -> str:
    return f"{count} finding(s) marked false alarm in the review file are hidden; --show-false-alarms shows them."


def resolve(corpus: Corpus, key: str) -> Finding:
    """The finding ``key`` names: its id in this run (``f3``), its fingerprint, or a unique prefix of it."""
    wanted = key.strip().lower()
    for finding in corpus.findings:
        if finding.id.lower() == wanted or finding.fingerprint == wanted:
            return finding
    matches = (
        {f.fingerprint: f for f in corpus.findings if f.fingerprint.startswith(wanted)}
        if len(wanted) >= MIN_PREFIX
        else {}
    )
    if len(matches) == 1:
        return next(iter(matches.values()))
    if matches:
        raise InputError(key, f"fingerprint prefix matches {len(matches)} findings; give more of it")
    raise InputError(
        key,
        f"no finding of this run has this id or fingerprint (ids: f1…f{len(corpus.findings)}; a prefix needs "
        f"{MIN_PREFIX} characters or more)",
    )


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def mark(entries: list[dict], fresh: dict, review: Review, keep_note: bool) -> list[dict]:
    """The entries with ``fresh`` (the finding's baseline entry, as the tool describes it now) reviewed.

    A review replaces the status, who and when; with ``keep_note`` the entry's note stays (a status changed
    after a note was written), else ``review.note`` replaces it ("" removes it). Other fields a person added
    (``audited``) stay."""
    found = next((e for e in entries if e["fingerprint"] == fresh["fingerprint"]), None)
    entry = {**(found or {}), **fresh, "review": review.status, "by": review.by, "at": review.at}
    if not keep_note:
        entry["note"] = review.note
    for key in ("by", "note"):
        if not entry.get(key):
            entry.pop(key, None)
    return [e for e in entries if e is not found] + [entry]


def clear(entries: list[dict], fingerprint: str) -> tuple[list[dict], bool]:
    """The entries without the one of ``fingerprint``, and whether there was one. The whole entry goes, as
    ``audit``'s reject removes it: in a file that is also the baseline, ``check`` reports the finding again."""
    kept = [e for e in entries if e["fingerprint"] != fingerprint]
    return kept, len(kept) != len(entries)
