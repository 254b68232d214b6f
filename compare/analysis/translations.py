"""How an article says it is a translation, machine or human.

Outlets say so in disclaimers ("The translations are mostly done through AI
translator"), language notes ("The article is in Serbian") or in the name of a
language service ("BBC News in Serbian"). Boilerplate is searched too: that is
where such notes live. The provenance detector reports these declarations; the
name tables weigh a declared translation's spellings less.
"""

from __future__ import annotations

import re

from ..model import Corpus

MACHINE = re.compile(
    r"\b(?:machine|automatic(?:ally)?|AI|neural|google|deepl)[\s-]+translat\w*"
    r"|\btranslat\w+\s+(?:are|is|was|were|has been|have been)\s+(?:\w+\s+){0,2}"
    r"(?:done|made|produced|generated|provided)\s+(?:through|by|with|using)\s+(?:an?\s+)?"
    r"(?:AI|artificial intelligence|machine|automatic|software|google|deepl)\w*(?:\s+translat\w+)?",
    re.IGNORECASE,
)
_LANGUAGE = (
    r"(Serbian|Croatian|Bosnian|Montenegrin|Albanian|Macedonian|Russian|Ukrainian|Bulgarian|Slovenian|Romanian"
    r"|Greek|Turkish|German|French|Spanish|Italian|Arabic|Chinese)"
)
DECLARED = re.compile(
    rf"\b(?:the\s+(?:article|text|original|story)\s+is\s+(?:originally\s+)?(?:written\s+)?in\s+{_LANGUAGE}"
    rf"|translated\s+from\s+(?:the\s+)?{_LANGUAGE}"
    rf"|originally\s+(?:published|written|appeared)\s+in\s+{_LANGUAGE}"
    rf"|\b(?:BBC News|BBC|VOA|Voice of America|DW|Deutsche Welle|RFE/RL|Radio Free Europe|Sputnik|RT|Al Jazeera)\s+"
    rf"(?:in|na)\s+{_LANGUAGE})",
    re.IGNORECASE,
)


def declared_translations(corpus: Corpus) -> set[str]:
    """Ids of the documents that say they are translations (machine or not)."""
    return {d.id for d in corpus.documents if MACHINE.search(d.text) or DECLARED.search(d.text)}
