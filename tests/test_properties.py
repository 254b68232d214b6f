"""Property-based: random articles, headers and file names through the pipeline and every report format.

Bounded (``max_examples``) so the suite stays fast; a longer run is documented in docs/quality.md:
``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py``.
"""

import os
import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.errors import InputError
from compare.pipeline import run
from compare.report import render_bytes
from compare.stages.embed import HashingEmbedder

settings.register_profile("ci", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "10000")), deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: Pieces real articles are made of, and pieces they should never break on.
_WORDS = st.sampled_from(
    "the council met on Monday 31 September 2023 killed injured 1,000 troops about 30 said Vučić Zvečan "
    "“quoted words,” he said. Date: Source: Outlet: https://example.org/a ZSO WSO 7.8-magnitude km miles "
    "Фото podeli vest 제목 \x1b[31m \t \u200b \ufeff \ud800".split(" ")
)
_LINE = st.lists(st.one_of(_WORDS, st.text(min_size=1, max_size=8)), min_size=0, max_size=25).map(" ".join)
_ARTICLE = st.lists(_LINE, min_size=1, max_size=12).map("\n".join)
_HEADER = st.lists(
    st.tuples(st.sampled_from(["Date", "Source", "Outlet", "Title", "Language"]), _LINE), max_size=4
).map(lambda pairs: "".join(f"{key}: {value}\n" for key, value in pairs))
_NAME = st.text(alphabet=string.ascii_letters + string.digits + " -_#%é\x1b", min_size=1, max_size=20)


@given(st.lists(st.tuples(_NAME, _HEADER, _ARTICLE, st.sampled_from(["utf-8", "utf-16", "cp1250", "latin-1"])),
                min_size=2, max_size=4))
def test_random_articles_never_crash_and_every_span_is_exact(articles):
    with tempfile.TemporaryDirectory() as folder:
        for n, (name, header, body, codec) in enumerate(articles):
            path = Path(folder) / f"{n}_{name.replace('/', '_')}.txt"
            path.write_bytes((header + body).encode(codec, errors="replace"))
        try:
            corpus = run([Path(folder)], HashingEmbedder())
        except InputError:
            return  # fewer than two usable articles: a one-line usage error, as intended
        for statement in corpus.statements:
            assert corpus.document(statement.doc).text[statement.start : statement.end] == statement.text
        for fact in corpus.facts:
            assert corpus.document(fact.doc).text[fact.start : fact.end] == fact.text
        for finding in corpus.findings:
            for evidence in finding.evidence:
                assert corpus.document(evidence.doc).text[evidence.start : evidence.end] == evidence.text
        for fmt in ("json", "text", "markdown", "html"):
            assert render_bytes(corpus, fmt)
