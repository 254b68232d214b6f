"""Copy families: wire copy republished word for word or lightly edited is one origin (compare.analysis.copies)."""

import pytest

from compare.analysis.copies import families
from compare.model import Corpus, Document
from compare.stages.segment import segment
from conftest import SEEDS


def _corpus(texts: dict[str, str]) -> Corpus:
    documents = [Document(id=name, path=f"{name}.txt", text=text) for name, text in texts.items()]
    return Corpus(documents=documents, statements=[s for d in documents for s in segment(d)])


def _seeds() -> dict[str, str]:
    return {p.stem.split("_")[0]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def test_independent_articles_are_their_own_origins():
    origin = families(_corpus(_seeds()))
    assert all(doc == own for doc, own in origin.items())


def test_verbatim_and_edited_copies_join_their_original():
    texts = _seeds()
    texts["copy1"] = texts["003"]
    texts["copy2"] = texts["003"]
    # A light edit: one number changed and the last paragraph cut.
    texts["edited"] = texts["003"].replace("1,000 troops", "1,200 troops").rsplit("\n", 2)[0]
    origin = families(_corpus(texts))
    assert origin["copy1"] == origin["copy2"] == origin["edited"] == origin["003"] == "003"
    assert {doc for doc, own in origin.items() if own == "003"} == {"003", "copy1", "copy2", "edited"}
    assert all(origin[d] == d for d in ("000", "001", "002", "004"))


def test_the_earliest_dated_copy_is_the_origin():
    texts = _seeds()
    corpus = _corpus({"late": texts["003"], "early": texts["003"]})
    corpus.document("late").date, corpus.document("early").date = "2023-11-22", "2023-11-20"
    assert families(corpus) == {"late": "early", "early": "early"}


def test_a_shared_quotation_does_not_make_a_copy():
    texts = _seeds()
    quote = next(line for line in texts["003"].splitlines() if "93 soldiers" in line)
    # An independent article (another seed) that quotes the sentence.
    origin = families(_corpus({"003": texts["003"], "other": texts["000"] + "\n\n" + quote}))
    assert origin["other"] == "other"


def test_outlet_names_the_publisher():
    doc = Document(id="005_x", path="x.txt", text="", metadata={"source": "https://www.example-news.org/a/1"})
    assert doc.outlet == "example-news.org"
    doc.metadata["outlet"] = "Example News"
    assert doc.outlet == "Example News"
    assert Document(id="005_x", path="x.txt", text="").outlet == "005_x"


def _discrepancies(folder):
    from compare.pipeline import run
    from compare.stages.embed import HashingEmbedder

    corpus = run([folder], HashingEmbedder())
    return corpus, [
        (f.subkind, [(v.value, v.normalised) for v in f.data.values], f.data.origins)
        for f in corpus.findings
        if f.kind == "discrepancy"
    ]


@pytest.mark.parametrize("copies", [1, 5, 50])
def test_copies_of_one_article_leave_the_findings_as_they_were(tmp_path, copies):
    """Seeds + N verbatim copies of 003 + one copy with '1,000 troops' edited to '1,200': the same discrepancy
    findings, with the same values and origins, as seeds + the edited copy alone; the copies are one origin."""
    plain, crowded = tmp_path / "plain", tmp_path / "crowded"
    for folder in (plain, crowded):
        folder.mkdir()
        for path in SEEDS.glob("*.txt"):
            (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        edited = (SEEDS / "003_1368b5bfcf4f8e9e.txt").read_text(encoding="utf-8").replace("1,000 troops", "1,200 troops")
        (folder / "999_edited.txt").write_text(edited, encoding="utf-8")
    for n in range(copies):
        (crowded / f"9{n:02d}_copy.txt").write_text((SEEDS / "003_1368b5bfcf4f8e9e.txt").read_text(encoding="utf-8"))
    plain_corpus, expected = _discrepancies(plain)
    corpus, found = _discrepancies(crowded)
    assert found == expected
    assert any(subkind == "count" and ("1,200", ["1200"]) in values for subkind, values, _ in found)
    assert {d.id for d in corpus.documents if d.copy_of == "003_1368b5bfcf4f8e9e"} == {
        d.id for d in corpus.documents if d.id.startswith("9")
    }
    assert len(corpus.groups) >= len(plain_corpus.groups)  # the copies take no independent pair's place
    count = next(f for f in corpus.findings if f.kind == "discrepancy" and f.subkind == "count")
    assert f"+ {copies} cop" in count.message


def _copied_pairs_by_dicts(shingles: dict[str, set[int]]) -> set[tuple[str, str]]:
    """What _copied_pairs computes, as it was first written: each 5-gram's holders, then a counter of pairs."""
    from collections import Counter, defaultdict

    from compare.analysis import copies

    holders: dict[int, list[str]] = defaultdict(list)
    for doc, grams in shingles.items():
        if len(grams) >= copies._MIN_SHINGLES:
            for shingle in grams:
                holders[shingle].append(doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        if 1 < len(docs) <= copies._COMMON:
            for n, a in enumerate(docs):
                for b in docs[n + 1 :]:
                    shared[(a, b) if a < b else (b, a)] += 1
    return {
        pair for pair, count in shared.items()
        if count >= copies.COPY_SHARE * min(len(shingles[pair[0]]), len(shingles[pair[1]]))
    }


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("at_once", [1, 7, 2**20])
def test_the_array_count_of_shared_5_grams_finds_the_pairs_the_dict_count_finds(seed, at_once, monkeypatch):
    import random

    from compare.analysis import copies
    from compare.analysis.copies import _copied_pairs

    monkeypatch.setattr(copies, "_SLICE", at_once)  # (pair, 5-gram)s counted at once: one, a few, all

    rng = random.Random(seed)
    # Documents drawing 5-grams from pools of several sizes: some share a third of them, some less, a few 5-grams
    # are held by more than _COMMON documents, some documents are too short to count; hashes span int64.
    pools = [[rng.randrange(-(2**63), 2**63) for _ in range(size)] for size in (40, 80, 400, 3000)]
    common = pools[0][:5]
    shingles: dict[str, set[int]] = {}
    for n in range(70):
        pool = rng.choice(pools)
        grams = set(rng.sample(pool, min(len(pool), rng.randrange(5, 60))))
        shingles[f"d{n:02d}"] = grams | set(common)
    found = _copied_pairs(shingles)
    assert found and set(found) == _copied_pairs_by_dicts(shingles) and len(found) == len(set(found))


def test_a_5_gram_of_exactly_common_documents_still_counts_and_one_more_does_not():
    from compare.analysis.copies import _COMMON, _copied_pairs

    shared = set(range(1000, 1005))  # five of A's and B's twenty; a sixth, held by _COMMON documents, makes 30 %
    a, b = shared | set(range(100, 114)) | {7}, shared | set(range(200, 214)) | {7}
    fillers = {f"f{n:02d}": {7, *range(10_000 + 100 * n, 10_000 + 100 * n + 20)} for n in range(_COMMON - 2)}
    assert _copied_pairs({"a": a, "b": b, **fillers}) == [("a", "b")]
    assert _copied_pairs({"a": a, "b": b, **fillers, "one more": {7, *range(-40, -20)}}) == []
