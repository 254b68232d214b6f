import numpy as np
import pytest

from compare.stages.align import align
from compare.model import Statement


def _statements(spec):
    """spec: list of (doc, text); vectors are given separately."""
    return [Statement(f"{doc}#{n}", doc, 0, len(text), text) for n, (doc, text) in enumerate(spec, start=1)]


def _unit(*rows):
    m = np.array(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_order_free_matching_across_documents():
    statements = _statements([("a", "one two three"), ("a", "four five six"),
                              ("b", "four five six x"), ("b", "one two three x")])
    vectors = _unit([1, 0, 0], [0, 1, 0], [0, 1, 0.05], [1, 0, 0.05])
    groups = align(statements, vectors, threshold=0.9, margin=1.0)
    assert sorted(g.statements for g in groups) == [["a#1", "b#4"], ["a#2", "b#3"]]
    assert all(len(g.pairs) == 1 and g.pairs[0].score > 0.99 for g in groups)


def test_same_document_alone_never_forms_a_group():
    statements = _statements([("a", "same words here"), ("a", "same words here"), ("b", "other thing entirely")])
    vectors = _unit([1, 0], [1, 0], [0, 1])
    assert align(statements, vectors, threshold=0.5, margin=1.0) == []


def test_one_statement_may_match_several_and_chains_are_not_merged():
    # b#1 reports two facts: one matches a#1, the other c#1; a#1 and c#1 share nothing.
    statements = _statements([("a", "fact one words"), ("b", "fact one and fact two"), ("c", "fact two words")])
    vectors = _unit([1, 0], [1, 1], [0, 1])
    groups = align(statements, vectors, threshold=0.6, margin=1.0)
    assert sorted(g.statements for g in groups) == [["a#1", "b#2"], ["b#2", "c#3"]]


def test_group_spanning_three_documents_keeps_every_pair():
    statements = _statements([("a", "x y z"), ("b", "x y z"), ("c", "x y z"), ("c", "unrelated text here")])
    vectors = _unit([1, 0.01, 0], [1, 0, 0.01], [1, 0, 0], [0, 1, 0])
    groups = align(statements, vectors, threshold=0.9, margin=1.0)
    assert [g.statements for g in groups] == [["a#1", "b#2", "c#3"]]
    assert len(groups[0].pairs) == 3 and groups[0].similarity > 0.99


def test_hub_pairs_are_dropped_by_the_margin():
    # h is moderately close to everything in b: no single pair stands out, so no group.
    statements = _statements([("a", "hub sentence words"), ("b", "first other one"), ("b", "second other one"),
                              ("b", "third other one")])
    vectors = _unit([1, 1, 1, 0], [1, 0, 0, 0.2], [0, 1, 0, 0.2], [0, 0, 1, 0.2])
    assert align(statements, vectors, threshold=0.5, margin=1.0)
    assert align(statements, vectors, threshold=0.5, margin=1.06) == []


def test_short_statements_are_not_aligned():
    statements = _statements([("a", "KFOR"), ("b", "KFOR")])
    assert align(statements, _unit([1, 0], [1, 0]), threshold=0.5) == []


def test_the_index_finds_what_the_exact_scan_finds_and_the_same_every_time():
    import numpy as np

    from compare.stages.align import nearest_cross_document

    rng = np.random.default_rng(1)
    facts = rng.normal(size=(600, 64)).astype(np.float32)  # each fact written by five documents, reworded
    vecs = np.concatenate([facts + rng.normal(0, 0.35, facts.shape).astype(np.float32) for _ in range(5)])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    docs = np.arange(len(vecs)) % 400
    exact_top, exact_scores = nearest_cross_document(vecs, docs, 8, index_from=10**9)
    top, scores = nearest_cross_document(vecs, docs, 8, index_from=0)
    again = nearest_cross_document(vecs, docs, 8, index_from=0)
    assert (again[0] == top).all() and (again[1] == scores).all()  # a baseline needs the same groups each run
    rows, cols = np.nonzero(np.isfinite(scores))
    assert (docs[top[rows, cols]] != docs[rows]).all()  # never a statement of its own document
    wanted = {(i, int(exact_top[i, c])) for i, c in zip(*np.nonzero(exact_scores >= 0.5))}
    got = {(i, int(top[i, c])) for i, c in zip(*np.nonzero(scores >= 0.5))}
    assert len(wanted & got) >= 0.98 * len(wanted)


def test_a_kept_search_updated_for_added_and_removed_documents_equals_a_fresh_exact_search():
    import numpy as np

    from compare.stages.align import nearest_cross_document, update_nearest

    rng = np.random.default_rng(2)
    facts = rng.normal(size=(120, 32)).astype(np.float32)
    vecs = np.concatenate([facts + rng.normal(0, 0.4, facts.shape).astype(np.float32) for _ in range(4)])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    docs = np.arange(len(vecs)) // 12  # 40 documents of 12 rows, each fact in four of them
    keys = [f"d{d}:{n}" for n, d in enumerate(docs)]

    def pairs(found_top, found_scores):
        return {(i, int(found_top[i, c]), round(float(found_scores[i, c]), 5))
                for i, c in zip(*np.nonzero(np.isfinite(found_scores)))}

    def update(rows, previous):
        return update_nearest(vecs[rows], docs[rows], [keys[n] for n in rows], previous, index_from=10**9)

    def fresh(rows):
        return pairs(*nearest_cross_document(vecs[rows], docs[rows], 8, index_from=10**9))

    earlier_rows = list(range(35 * 12))  # documents 0–34
    earlier = update(earlier_rows, None)
    grown = update(list(range(len(vecs))), earlier)  # documents 35–39 added
    assert pairs(grown.top, grown.scores) == fresh(list(range(len(vecs))))
    shrunk_rows = [n for n in range(len(vecs)) if docs[n] != 3]  # then document 3 removed
    shrunk = update(shrunk_rows, grown)
    assert pairs(shrunk.top, shrunk.scores) == fresh(shrunk_rows)
    unchanged = update(shrunk_rows, shrunk)
    assert (unchanged.top == shrunk.top).all() and (unchanged.scores == shrunk.scores).all()


def test_an_oversized_component_that_no_higher_bar_cuts_still_ends():
    """More statements than one dense component may hold (1,500), all alike (one sentence printed by every
    article): raising the bar cannot split them, and alignment must still end (it recursed without end), with
    every statement grouped."""
    from compare.stages import cliques as align_module

    n = align_module._MAX_DENSE + 20
    statements = _statements([(f"d{i:04d}", "one sentence printed everywhere") for i in range(n)])
    vectors = _unit(*([1.0, 0.0, 0.0] for _ in range(n)))
    groups = align(statements, vectors, threshold=0.63, margin=1.0)
    assert {s for g in groups for s in g.statements} == {s.id for s in statements}


def test_one_long_article_beside_a_short_one_is_scanned_exactly_not_indexed(monkeypatch):
    import numpy as np

    from compare.stages import align as align_stage

    rng = np.random.default_rng(3)
    vecs = rng.normal(size=(2200, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    docs = np.array([0] * 2150 + [1] * 50)  # the long article's rows are scanned against 50 rows only

    def no_index(*args):
        raise AssertionError("an index over rows that are nearly all one article's")

    monkeypatch.setattr(align_stage, "_indexed", no_index)
    top, _ = align_stage.nearest_cross_document(vecs, docs, 8, index_from=2000)
    assert (docs[top] != docs[:, None]).all()
    spread = np.arange(len(vecs)) % 40  # as many rows spread over forty articles: the scan would cost more
    with pytest.raises(AssertionError, match="an index"):
        align_stage.nearest_cross_document(vecs, spread, 8, index_from=2000)


def test_figures_are_distinctive_numbers_without_separators_years_or_round_figures():
    from compare.stages.anchors import figures

    text = "At least 7,108 people died and 40,910 were hurt in 2023; 1,000 troops, 23 million people, 7.8, 48.5%."
    assert figures(text) == {"7108", "40910", "48.5"}


def test_a_shared_distinctive_figure_groups_a_pair_below_the_threshold():
    a = "Officials said 7,108 people had died across the region by Tuesday."
    b = "The quake killed 7,108 people, the agency reported on its website."
    statements = _statements([("a", a), ("b", b)])
    close = _unit([1, 0], [0.6, 0.8])  # cosine 0.6: below the threshold, above the anchors' floor
    assert [g.statements for g in align(statements, close, threshold=0.63)] == [["a#1", "b#2"]]
    unlike = _statements([("a", a), ("b", b.replace("7,108", "7,109"))])
    assert align(unlike, close, threshold=0.63) == []
    far = _unit([1, 0], [0.4, 0.9165])  # the same figure in statements on other topics: no pair
    assert align(statements, far, threshold=0.63) == []


def test_a_shared_count_groups_a_pair_nearer_the_topic_than_a_figure_needs():
    from compare.model import Fact
    from compare.stages.anchors import fact_anchors

    def count(statement, text, value, subject, low, high):
        return Fact(kind="quantity", statement=statement, doc=statement.split("#")[0], start=0, end=len(text),
                    text=text, value=value, subject=subject, low=low, high=high)

    facts = [
        count("a#1", "six", "6", "people killed", 6.0, 6.0),
        count("b#2", "at least six", "at least 6", "people killed", 6.0, float("inf")),
        count("a#1", "hundreds", "hundreds", "people injured", 200.0, 999.0),  # vague: no anchor
        count("b#2", "more than 120", "more than 120", "people injured", 121.0, float("inf")),
    ]
    anchors = fact_anchors(facts)
    assert anchors["a#1"] == {"count:people killed=6"}
    assert anchors["b#2"] == {"count:people killed=6", "count:people injured=120"}  # the figure as written
    statements = _statements([("a", "The landslide killed six villagers overnight."),
                              ("b", "At least six people lost their lives, rescuers said.")])
    near = _unit([1, 0], [0.62, 0.7846])  # cosine 0.62: above the count's floor
    assert [g.statements for g in align(statements, near, threshold=0.63, anchors=anchors)] == [["a#1", "b#2"]]
    assert align(statements, near, threshold=0.63) == []  # no anchor without the counts
    farther = _unit([1, 0], [0.57, 0.8216])  # enough for a distinctive figure, not for a count of one digit
    assert align(statements, farther, threshold=0.63, anchors=anchors) == []


def test_a_count_capped_from_above_anchors_by_its_figure():
    from compare.model import Fact
    from compare.stages.anchors import fact_anchors

    def count(statement, value, low, high):
        return Fact(kind="quantity", statement=statement, doc=statement.split("#")[0], start=0, end=5,
                    text=value, value=value, subject="people", low=low, high=high)

    # "up to 23 million" is read as 0 to 23 million (as wide as "hundreds"), "about 23 million" as the figure:
    # one fact, one anchor, whatever notation the number comes in.
    anchors = fact_anchors([count("a#1", "at most 23000000", 0.0, 23e6),
                            count("b#2", "about 23000000", 23e6 - 5e-6, 23e6 + 5e-6),
                            count("c#3", "more than 23000000", 23e6 + 1, float("inf"))])
    assert anchors["a#1"] == anchors["b#2"] == anchors["c#3"] == {"count:people=2.3e+07"}


def _near(vector, cosine, seed):
    """A unit vector at ``cosine`` from the unit ``vector``."""
    other = np.random.default_rng(seed).normal(size=vector.shape)
    other -= (other @ vector) * vector
    return cosine * vector + (1 - cosine**2) ** 0.5 * other / np.linalg.norm(other)


def _noise_corpus(size, pair_cosine, seed=7):
    """``size`` statements of two documents on unrelated topics (random directions), the first of each document
    a pair at ``pair_cosine``."""
    vectors = _unit(*np.random.default_rng(seed).normal(size=(size, 256)))
    vectors[size // 2] = _near(vectors[0], pair_cosine, seed + 1)
    statements = _statements([("a" if n < size // 2 else "b", f"statement number {n} words") for n in range(size)])
    return statements, vectors


def test_each_other_s_best_match_below_the_threshold_is_grouped_where_it_stands_out():
    statements, vectors = _noise_corpus(60, 0.58)
    assert [g.statements for g in align(statements, vectors, threshold=0.63)] == [["a#1", "b#31"]]
    # Not under the floor, however much it stands out ...
    statements, vectors = _noise_corpus(60, 0.50)
    assert align(statements, vectors, threshold=0.63) == []
    # ... nor in a corpus of a few dozen statements, whose neighbourhoods are all of it.
    statements, vectors = _noise_corpus(40, 0.58)
    assert align(statements, vectors, threshold=0.63) == []


def test_a_best_match_below_the_threshold_must_be_mutual():
    statements, vectors = _noise_corpus(60, 0.58)
    # Two other statements of b sit nearer a#1 than b#31 does: b#31 is not among a#1's two nearest.
    for row in (31, 32):
        vectors[row] = _near(vectors[0], 0.61, row)
    assert ["a#1", "b#31"] not in [g.statements for g in align(statements, vectors, threshold=0.63)]


def test_a_paraphrase_below_every_cosine_bar_is_grouped_by_the_rare_words_it_shares():
    statements, vectors = _noise_corpus(60, 0.50)  # cosine 0.50: under the threshold and the close floor

    def worded(a, b):
        texts = [s.text for s in statements]
        texts[0], texts[30] = a, b
        return [Statement(s.id, s.doc, 0, len(t), t) for s, t in zip(statements, texts)]

    same = worded("The men pleaded guilty at a closed court session and were held in pre-trial detention until May 22.",
                  "After the hearing the suspects were remanded into pre-trial custody until May 22.")
    assert [g.statements for g in align(same, vectors, threshold=0.63)] == [["a#1", "b#31"]]
    other = worded("The men pleaded guilty at a closed court session and were held in detention overnight.",
                   "Rescue teams searched the collapsed buildings through the night for survivors.")
    assert align(other, vectors, threshold=0.63) == []
    far = _noise_corpus(60, 0.40)[1]  # the same words, but too far apart to be on one topic
    assert align(same, far, threshold=0.63) == []
