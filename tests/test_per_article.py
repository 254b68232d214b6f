"""Per-document analysis: the same values whether worked out here, in worker processes or read from the memo."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

from compare.detect import registry
from compare.stages.per_article import analyse_documents
from compare.pipeline import load_documents

# Run in a fresh process: this test process may have loaded torch, and then nothing forks.
_POOLED = """
import json, sys
from compare.detect import registry
from compare.stages.per_article import analyse_documents
from compare.infra.memo import AnalysisMemo
from compare.pipeline import load_documents
documents, _ = load_documents([sys.argv[1]])
memo = AnalysisMemo(sys.argv[2])
out = []
for _ in range(2):  # worked out by two processes, then read from the memo
    found = analyse_documents(documents, list(registry()), memo, workers=2, parallel_from=1)
    out.append({"processes": found.processes, "analysed": found.analysed, "languages": [d.language for d in documents],
                "values": [[(s.id, s.start, s.end, s.role, s.language) for s in found.statements], found.facts,
                           found.steps]})
print(json.dumps(out))
"""


def test_worker_processes_and_the_memo_give_what_one_process_gives(seeds_dir, tmp_path):
    documents, _ = load_documents([seeds_dir])
    alone = analyse_documents(documents, list(registry()), workers=1)
    assert alone.steps.keys() == {n for n, d in registry().items() if d.per_document}
    assert alone.analysed == len(documents) and alone.processes == 1
    expected = json.loads(json.dumps([[(s.id, s.start, s.end, s.role, s.language) for s in alone.statements],
                                      alone.facts, alone.steps]))
    result = subprocess.run([sys.executable, "-c", _POOLED, str(seeds_dir), str(tmp_path)],
                            capture_output=True, text=True)
    pooled, remembered = json.loads(result.stdout)
    assert (pooled["processes"], pooled["analysed"]) == (2, len(documents))
    assert (remembered["processes"], remembered["analysed"]) == (1, 0)
    for run in (pooled, remembered):
        assert run["values"] == expected
        assert run["languages"] == [d.language for d in documents]  # set in the parent, not only in a worker


def test_a_detector_switched_off_has_no_step_and_one_switched_on_gets_one(seeds_dir, tmp_path):
    from compare.infra.memo import AnalysisMemo

    documents, _ = load_documents([seeds_dir])
    memo = AnalysisMemo(tmp_path)
    assert analyse_documents(copy.deepcopy(documents), ["acronyms"], memo).steps == {}
    again = analyse_documents(copy.deepcopy(documents), ["acronyms", "garbled_words"], memo)
    assert list(again.steps) == ["garbled_words"] and again.analysed == len(documents)


def test_worker_processes_after_torch_has_run_give_what_one_process_gives(seeds_dir):
    # The parent's torch thread pools are running (a matrix product on every core); the forked children,
    # which never call into torch, must neither hang nor differ.
    code = ("import json, sys, torch; torch.ones(512, 512) @ torch.ones(512, 512); "
            "import compare.stages.per_article as d; from compare.pipeline import load_documents; "
            "docs, _ = load_documents([sys.argv[1]]); "
            "found = [d.analyse_documents(docs, ['garbled_words'], workers=w, parallel_from=1) for w in (1, 2)]; "
            "print(json.dumps([[f.processes, [(s.id, s.language) for s in f.statements], f.facts, f.steps] "
            "for f in found]))")
    result = subprocess.run([sys.executable, "-c", code, str(seeds_dir)], capture_output=True, text=True,
                            timeout=120)
    alone, forked = json.loads(result.stdout)
    assert (alone[0], forked[0]) == (1, 2)
    assert forked[1:] == alone[1:]


# The detectors run in forked processes only on a corpus of 2,000 statements or more; here the threshold is
# lowered to the seeds, each process notes its pid, and the findings must be those of one process. Those that
# read no groups start in one child before the alignment; the discrepancy detector, left alone once the groups
# exist, runs in the parent.
_DETECTORS_FORKED = """
import json, os, sys, torch
torch.ones(512, 512) @ torch.ones(512, 512)  # the children fork after torch's thread pools have run
import compare.detect as detect
from compare.stages.embed import HashingEmbedder
from compare.pipeline import load_documents, analyse
documents, _ = load_documents([sys.argv[1]])
single = analyse(documents, HashingEmbedder()).findings
detect.PARALLEL_FROM_STATEMENTS = 1
detect.usable_cores = lambda: 2  # whatever cores this machine has
one = detect._run_one
def noting(name, *args):
    with open(sys.argv[2], "a") as pids:
        pids.write(f"{os.getpid()}\\n")
    return one(name, *args)
detect._run_one = noting
forked = analyse(documents, HashingEmbedder()).findings
dump = lambda found: [(f.id, f.detector, f.kind, f.subkind, f.message, f.statements) for f in found]
print(json.dumps([dump(single), dump(forked), os.getpid()]))
"""


def test_detectors_in_forked_processes_give_what_one_process_gives(seeds_dir, tmp_path):
    from compare.detect import detector_processes

    pids = tmp_path / "pids"
    result = subprocess.run([sys.executable, "-c", _DETECTORS_FORKED, str(seeds_dir), str(pids)],
                            capture_output=True, text=True)
    single, forked, parent = json.loads(result.stdout)
    assert forked == single and len(single) > 10
    noted = set(map(int, pids.read_text().split()))
    # the child that runs the detectors reading no groups during the alignment, and one child for each of the two
    # that read groups (discrepancy, misspelt_names)
    assert len(noted) == 3 and parent not in noted
    assert detector_processes(1_999, 6, workers=2) == 1 and detector_processes(60_001, 6, workers=2) == 1


# A worker killed mid-run (the kernel's OOM killer, say) must cost time, not results.
_CHILD_DIES = """
import json, os, sys, warnings
import compare.detect as detect
from compare.stages.embed import HashingEmbedder
from compare.pipeline import load_documents, analyse
documents, _ = load_documents([sys.argv[1]])
single = analyse(documents, HashingEmbedder()).findings
detect.PARALLEL_FROM_STATEMENTS = 1
detect.usable_cores = lambda: 2
parent, shared = os.getpid(), detect._run_shared
def dies_in_a_child(name):
    if os.getpid() != parent and name == "name_variants":
        os._exit(9)
    return shared(name)
detect._run_shared = dies_in_a_child
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    forked = analyse(documents, HashingEmbedder()).findings
dump = lambda found: [(f.id, f.detector, f.message) for f in found]
print(json.dumps([dump(single), dump(forked), [str(w.message) for w in caught]]))
"""


def test_a_worker_that_dies_loses_nothing(seeds_dir):
    result = subprocess.run([sys.executable, "-c", _CHILD_DIES, str(seeds_dir)], capture_output=True, text=True,
                            timeout=120)
    single, forked, warned = json.loads(result.stdout)
    assert forked == single and any(f[1] == "name_variants" for f in single)
    assert any("worker process died" in w for w in warned)


def test_a_long_article_read_in_two_processes_gives_what_one_process_gives(seeds_dir, monkeypatch):
    from compare.stages import per_article

    documents, _ = load_documents([seeds_dir])
    document = max(documents, key=lambda d: len(d.text))
    steps = tuple(n for n, d in registry().items() if d.per_document)
    alone = per_article.analyse_document(copy.deepcopy(document), steps, split=False)
    monkeypatch.setattr(per_article, "SPLIT_FROM", len(document.text))
    split = per_article.analyse_document(copy.deepcopy(document), steps, split=True)
    assert split.keys() == alone.keys() and len(alone) > 2
    # Bytes (the copy test's 5-gram hashes) as hex, to compare as JSON.
    assert json.loads(json.dumps(split, default=bytes.hex)) == json.loads(json.dumps(alone, default=bytes.hex))
