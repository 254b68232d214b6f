"""What makes encoding faster on this CPU, and what it costs in agreement with the default.

    python benchmarks/encoding.py [--articles 200] [--seed 0]

Encodes the alignable statements of a synthetic corpus (compare/evaluation/
synthetic.py) with the packaged all-MiniLM-L6-v2 under each setting and prints
sentences per second and, against the default (torch, batch 64, all threads),
the mean and worst cosine between the two vectors of a sentence and the share of
above-threshold neighbour pairs both find. Settings: batch size; one thread;
input sorted by length (sentence-transformers sorts within each call anyway);
the ONNX Runtime backend and its int8-quantised model, where ``optimum`` and
``onnxruntime`` are installed; vectors stored as float16; the NumPy forward pass
(compare/embed_numpy.py). Then the cold start that adding one article pays: a
fresh process that imports, loads and encodes 16 sentences, through
sentence-transformers and through NumPy. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    from compare.stages.align import DEFAULT_THRESHOLD, alignable, nearest_cross_document
    from compare.stages.embed import default_model_dir
    from benchmarks import synthetic
    from compare.pipeline import load_documents, segment_documents

    folder = Path(tempfile.mkdtemp(prefix="compare-encoding-"))
    synthetic.write(folder, args.articles, seed=args.seed)
    documents, _ = load_documents([folder])
    statements = [s for s in segment_documents(documents) if alignable(s)]
    texts = [s.text for s in statements]
    doc_index = {d.id: n for n, d in enumerate(documents)}
    docs = np.array([doc_index[s.doc] for s in statements])
    model_dir = str(default_model_dir())
    print(f"{len(texts)} statements of {args.articles} synthetic articles · {os.cpu_count()} CPUs · "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads")

    def pairs(vectors) -> set:
        top, scores = nearest_cross_document(vectors.astype(np.float32), docs, 8)
        return {(i, int(top[i, c])) for i, c in zip(*np.nonzero(scores >= DEFAULT_THRESHOLD))}

    def timed(model, batch, inputs=texts):
        model.encode(inputs[:64], batch_size=batch)  # warm-up
        started = time.perf_counter()
        vectors = model.encode(inputs, batch_size=batch, normalize_embeddings=True, convert_to_numpy=True)
        return vectors, len(inputs) / (time.perf_counter() - started)

    model = SentenceTransformer(model_dir, device="cpu", local_files_only=True)
    reference, speed = timed(model, 64)
    reference_pairs = pairs(reference)
    print(f"{'setting':<34} {'sent/s':>7} {'mean cos':>8} {'min cos':>8} {'same pairs':>10}")

    def row(name, vectors, speed):
        cos = (vectors * reference).sum(1) / np.linalg.norm(vectors, axis=1)
        found = pairs(vectors)
        same = len(found & reference_pairs) / max(1, len(found | reference_pairs))
        print(f"{name:<34} {speed:>7.0f} {cos.mean():>8.5f} {cos.min():>8.5f} {same:>10.4f}", flush=True)

    row("torch, batch 64 (default)", reference, speed)
    for batch in (16, 32, 128):
        row(f"torch, batch {batch}", *timed(model, batch))
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    vectors, speed = timed(model, 64, [texts[i] for i in order])
    row("torch, batch 64, sorted by length", vectors[np.argsort(order)], speed)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    row("torch, batch 64, 1 thread", *timed(model, 64))
    torch.set_num_threads(threads)
    row("torch vectors stored as float16", reference.astype(np.float16).astype(np.float32), speed)

    for name, backend, quantised in (("ONNX Runtime", "onnx", False), ("ONNX Runtime, int8 (avx2)", "onnx", True),
                                     ("OpenVINO", "openvino", False)):
        work = Path(tempfile.mkdtemp(prefix="compare-backend-")) / "model"
        try:
            shutil.copytree(model_dir, work)  # the backends export their model files next to the weights
            other = SentenceTransformer(str(work), device="cpu", backend=backend, local_files_only=True)
            if quantised:
                from sentence_transformers import export_dynamic_quantized_onnx_model

                other.save_pretrained(str(work))  # the exported ONNX model, which the quantiser reads
                export_dynamic_quantized_onnx_model(other, "avx2", str(work))
                other = SentenceTransformer(str(work), device="cpu", backend=backend, local_files_only=True,
                                            model_kwargs={"file_name": "onnx/model_qint8_avx2.onnx"})
            row(name, *timed(other, 64))
        except Exception as error:  # a backend that is not installed or cannot export offline
            print(f"{name:<34} not available: {type(error).__name__}: {str(error).splitlines()[0][:80]}")
        finally:
            shutil.rmtree(work.parent, ignore_errors=True)

    from compare.stages.embed.numpy_engine import NumpyBertEncoder

    encoder = NumpyBertEncoder(Path(model_dir))
    encoder.encode(texts[:64])  # warm-up
    started = time.perf_counter()
    vectors = encoder.encode(texts)
    row("NumPy forward pass, batch 32", vectors, len(texts) / (time.perf_counter() - started))
    # A text repeated by several outlets gets one vector in the pipeline (the cache is keyed by text). Here its
    # copies, encoded in different batches, differ by ~1e-7, which reorders exact ties at the 8th neighbour.
    distinct = list(dict.fromkeys(texts))
    where = {text: n for n, text in enumerate(distinct)}
    started = time.perf_counter()
    vectors = encoder.encode(distinct)
    row("NumPy, one vector per distinct text", vectors[[where[t] for t in texts]],
        len(distinct) / (time.perf_counter() - started))

    print("\ncold start, 16 sentences in a fresh process (import, load, encode):")
    sample = texts[:16]
    for engine in ("sentence-transformers", "numpy"):
        seconds = [cold_start(engine, sample) for _ in range(3)]
        print(f"  {engine:<22} {min(seconds):.2f} s (best of 3; {', '.join(f'{s:.2f}' for s in seconds)})")
    shutil.rmtree(folder, ignore_errors=True)


def cold_start(engine: str, texts: list[str]) -> float:
    """Seconds a fresh interpreter takes to import the engine, load the model and encode ``texts``."""
    code = ("import sys, time; started = time.perf_counter(); sys.path.insert(0, sys.argv[1]);"
            "from compare.stages.embed import SentenceTransformerEmbedder as E;"
            "e = E(numpy_up_to=0 if sys.argv[2] == 'sentence-transformers' else 10**9);"
            "e.encode(sys.argv[3:]); print(time.perf_counter() - started)")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT), engine, *texts],
                            capture_output=True, text=True, check=True)
    return float(result.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
