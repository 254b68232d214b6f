"""The HTML report: one self-contained file a fact-checker opens, shares and archives.

Everything is in the file: CSS and JavaScript inline, no fonts, images or
scripts from elsewhere, so it opens from ``file://`` offline and survives being
e-mailed. Article text is untrusted: Jinja2 escapes every value (autoescape),
ids and links inside the page are generated here and never taken from the
text, a source's URL becomes a link only when it is http(s), and a
Content-Security-Policy allows nothing but the page's own style and script,
named by their SHA-256 hashes — an injected script would not run even if
escaping failed somewhere.

The page puts the findings first (counts by kind and severity, the top
findings, then every finding), then the article-first view
(``article_view.py``), the documents table (folded past a dozen documents),
entities, shared statements and full texts. File paths are shown relative
(``paths.py``): a shared report must not tell where its maker keeps files.

This module turns the :class:`~compare.model.Corpus` into plain view data;
``templates/report.html.j2`` lays it out and ``report.css``/``report.js``
style it and drive the filters, the article picker and j/k between findings.
Without JavaScript every finding is shown, every article's statements can be
unfolded, and every link still jumps.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from urllib.parse import urlsplit

from .. import __version__
from ..detect import identity
from ..model import SEVERITIES, Acronym, Corpus, Entity, Evidence, Finding
from ..payloads import AcronymData, DiscrepancyData, NameVariantData, ProvenanceData
from .article_view import STATUSES, article_views
from .highlight import differing_spans
from .marks import Mark, Segment, segments
from .page import DocView, Ids
from .paths import shown_paths
from .text import ordered_groups, summary_counts

_TEMPLATES = files("compare.report") / "templates"


@dataclass
class Excerpt:
    """A statement (or line) quoting evidence, the evidence marked and linked to the full text."""

    anchor: str  #: where the statement is in the full text
    segments: list[Segment]


@dataclass
class Column:
    doc: DocView
    excerpts: list[Excerpt] = field(default_factory=list)


#: Findings listed under "Top findings", above the list of all of them.
TOP_FINDINGS = 5
#: A finding's evidence from this many documents or more (or a picture twice as long) is folded: at 150
#: articles one finding's columns can fill twenty screens, and the findings after it must stay within reach.
FOLD_EVIDENCE_FROM = 7
#: Up to this many documents the documents table is open; above, it would push everything else down.
OPEN_TABLE_UP_TO = 12


def _safe_url(url: str) -> str:
    """A link target only for http(s): ``javascript:`` and friends stay text."""
    try:
        return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else ""
    except ValueError:
        return ""


def build(corpus: Corpus) -> dict:
    """Everything the template shows, as plain data."""
    ids = Ids(corpus)
    counts = summary_counts(corpus)
    translation = {}
    for f in corpus.findings:
        if isinstance(f.data, ProvenanceData):
            translation[f.data.document] = "machine" if f.data.machine else "human"
    per_doc: dict[str, Counter] = defaultdict(Counter)
    for f in corpus.findings:  # charged to the documents that carry the problem, not those quoted for reference
        for doc in identity(f).documents or {e.doc for e in f.evidence}:
            per_doc[doc][f.severity] += 1
    statements_of = Counter(s.doc for s in corpus.statements)
    paths = shown_paths([d.path for d in corpus.documents] + [s.path for s in corpus.skipped])
    docs = [
        DocView(
            n,
            d.id,
            paths[d.path],
            d.title,
            d.metadata.get("outlet") or d.metadata.get("source", ""),
            d.date,
            d.language,
            translation.get(d.id, ""),
            d.copy_of,
            _safe_url(d.metadata.get("url", "")),
            statements_of[d.id],
            {s: per_doc[d.id][s] for s in SEVERITIES},
            ids.doc(n),
            ids.view(n),
        )
        for n, d in enumerate(corpus.documents)
    ]
    doc_view = {d.id: d for d in docs}

    entities = corpus.names or []
    table = corpus.acronyms or []
    marks: dict[str, list[Mark]] = defaultdict(list)
    _statement_marks(corpus, ids, marks)
    findings = [_finding(corpus, f, ids, doc_view, marks) for f in corpus.findings]
    name_views = [_entity(e, ids, doc_view, marks) for e in entities]
    acronym_views = [_acronym(a, ids, doc_view, marks) for a in table]
    order = {ids.finding(f): n for n, f in enumerate(corpus.findings)}
    for d in corpus.documents:
        doc_view[d.id].text = segments(d.text, marks[d.id])
        for segment in doc_view[d.id].text:
            segment.links.sort(key=order.__getitem__)  # a span of several findings links to the most severe
    return {
        "version": __version__,
        "settings": corpus.settings,
        "counts": counts,
        "entity_count": len(entities) + len(table),
        "documents": docs,
        "open_table": len(docs) <= OPEN_TABLE_UP_TO,
        "findings": findings,
        "finding_labels": {ids.finding(f): f"{f.severity} · {f.kind} · {f.id}" for f in corpus.findings},
        "overview": _overview(findings),
        "kinds": sorted({f.kind for f in corpus.findings}),
        "articles": article_views(corpus, ids, doc_view),
        "statuses": STATUSES,
        "groups": [_group(corpus, g, ids, doc_view) for g in ordered_groups(corpus)],
        "names": name_views,
        "acronyms": acronym_views,
        "skipped": [{"path": paths[s.path], "reason": s.reason} for s in corpus.skipped],
        "false_alarms_hidden": corpus.false_alarms_hidden,
    }


def _overview(findings: list[dict]) -> dict:
    """Counts by kind and severity, and the top findings: most severe first, then those across most sources."""
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for f in findings:
        by_kind[f["kind"]][f["severity"]] += 1
    rows = [
        {"kind": k, "counts": [by_kind[k][s] for s in SEVERITIES], "total": by_kind[k].total()} for k in sorted(by_kind)
    ]
    top = sorted(findings, key=lambda f: (SEVERITIES.index(f["severity"]), -len(f["columns"])))[:TOP_FINDINGS]
    return {"rows": rows, "top": top}


def _statement_marks(corpus: Corpus, ids: Ids, marks: dict[str, list[Mark]]) -> None:
    grouped = {s for g in corpus.groups for s in g.statements}
    for s in corpus.statements:
        marks[s.doc].append(Mark(s.start, s.end, "stmt grouped" if s.id in grouped else "stmt", ids.statement[s.id]))
    for d in corpus.documents:
        for b in d.boilerplate:
            marks[d.id].append(Mark(b.start, b.end, "boiler", title=f"set aside: {b.reason}"))


def _context(corpus: Corpus, e: Evidence, ids: Ids) -> tuple[str, int, int]:
    """The statement that holds the evidence (its anchor and span), else its line (no anchor: "")."""
    s = ids.holding(e.doc, e.start, e.end)
    if s is not None:
        return ids.statement[s.id], s.start, s.end
    return "", *corpus.document(e.doc).line_span(e.start, e.end)


def _finding(corpus: Corpus, f: Finding, ids: Ids, doc_view: dict[str, DocView], marks: dict[str, list[Mark]]) -> dict:
    columns: dict[str, Column] = {}
    contexts: dict[tuple[str, int, int], tuple[str, list[Mark]]] = {}
    for k, e in enumerate(f.evidence):
        anchor = ids.evidence(f, k)
        marks[e.doc].append(Mark(e.start, e.end, f"ev sev-{f.severity}", anchor, href=ids.finding(f)))
        where, start, end = _context(corpus, e, ids)
        contexts.setdefault((e.doc, start, end), (where or anchor, []))[1].append(Mark(e.start, e.end, "ev", anchor))
    for (doc, start, end), (where, own) in contexts.items():
        column = columns.setdefault(doc, Column(doc_view[doc]))
        column.excerpts.append(Excerpt(where, segments(corpus.document(doc).text, own, start, end)))
    picture = _picture(f, doc_view, len(corpus.documents))
    return {
        "id": f.id,
        "anchor": ids.finding(f),
        "kind": f.kind,
        "subkind": f.subkind,
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "group": f.group,
        "detector": f.detector,
        "docs": " ".join(str(doc_view[d].n) for d in columns),
        "columns": list(columns.values()),
        "picture": picture,
        "fold": len(columns) >= FOLD_EVIDENCE_FROM or len(picture) > 2 * FOLD_EVIDENCE_FROM,
        "fingerprint": f.fingerprint,
        "review": f.review,
    }


def _picture(f: Finding, doc_view: dict[str, DocView], total: int) -> list[dict]:
    """Who says what: discrepancy values, a name's spellings, a body's names — with their sources."""
    rows = []
    data = f.data
    if isinstance(data, DiscrepancyData):
        reporting = {d for v in data.values for d in v.documents}
        for v in data.values:
            rows.append(
                {
                    "label": v.value,
                    "docs": [doc_view[d] for d in v.documents],
                    "summary": f"{len(v.documents)} of {len(reporting)} sources reporting it",
                }
            )
        if total > len(reporting):
            rows.append(
                {"label": "", "docs": [], "summary": f"{total - len(reporting)} of {total} sources do not report it"}
            )
    spellings = data.variants if isinstance(data, NameVariantData) else []
    for spelling in spellings:
        rows.append(_picture_row(spelling.text, spelling.relation, spelling.documents, spelling.mentions, doc_view))
    for name in (data.names or []) if isinstance(data, AcronymData) else []:
        rows.append(_picture_row(name.text, name.type, name.documents, name.mentions, doc_view))
    return rows


def _picture_row(text: str, detail: str, documents: list[str], mentions: int, doc_view: dict[str, DocView]) -> dict:
    return {
        "label": text,
        "docs": [doc_view[d] for d in documents if d in doc_view],
        "summary": f"{detail or 'canonical'}, {mentions}×",
    }


def _mention_marks(mentions, ids: Ids, marks: dict[str, list[Mark]]) -> str:
    """Anchor every mention in the full text; the first one's id, to link to."""
    first = ""
    for m in mentions:
        anchor = ids.span(m.doc, m.start, m.end)
        marks[m.doc].append(Mark(m.start, m.end, "mention", anchor))
        first = first or anchor
    return first


def _entity(entity: Entity, ids: Ids, doc_view, marks) -> dict:
    return {
        "canonical": entity.canonical,
        "mentions": entity.mentions,
        "variants": [
            {
                "text": v.text,
                "relation": v.relation or "canonical",
                "count": len(v.mentions),
                "docs": [doc_view[d] for d in dict.fromkeys(m.doc for m in v.mentions)],
                "first": _mention_marks(v.mentions, ids, marks),
            }
            for v in entity.variants
        ],
    }


def _acronym(acronym: Acronym, ids: Ids, doc_view, marks) -> dict:
    return {
        "text": acronym.text,
        "known": acronym.known,
        "count": len(acronym.occurrences),
        "definitions": sorted({d.expansion for d in acronym.definitions}),
        "docs": [doc_view[d] for d in acronym.documents],
        "first": _mention_marks(acronym.occurrences, ids, marks),
    }


def _group(corpus: Corpus, group, ids: Ids, doc_view) -> dict:
    statements = [corpus.statement(s) for s in group.statements]
    rows = []
    for s, spans in zip(statements, differing_spans([s.text for s in statements])):
        own = [Mark(a, b, "diff") for a, b in spans]
        rows.append(
            {
                "doc": doc_view[s.doc],
                "anchor": ids.statement[s.id],
                "view": ids.statement_view(s.id),
                "segments": segments(s.text, own),
            }
        )
    return {"id": group.id, "similarity": group.similarity, "rows": rows, "docs": len({s.doc for s in statements})}


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def render_html(corpus: Corpus) -> str:
    from jinja2 import Environment, FunctionLoader, StrictUndefined  # only the HTML report needs it
    from markupsafe import Markup

    def load(name: str) -> str:
        return (_TEMPLATES / name).read_text(encoding="utf-8")

    env = Environment(
        loader=FunctionLoader(load), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    css, js = load("report.css"), load("report.js")
    csp = (
        f"default-src 'none'; style-src '{_hash(css)}'; script-src '{_hash(js)}'; img-src 'none'; "
        f"font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    # The style and script are this package's own files, inserted verbatim: their hashes must match.
    return env.get_template("report.html.j2").render(**build(corpus), css=Markup(css), js=Markup(js), csp=csp)
