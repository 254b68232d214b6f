"""Measured quality: labelled corpora made by controlled edits, and scoring against them.

:mod:`.edits` makes edited copies of articles and records each edit (the gold);
:mod:`.score` runs the pipeline on the originals plus the copies and scores the
findings against the recorded edits.
"""
