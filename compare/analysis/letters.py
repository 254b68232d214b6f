"""The letters names are written in, as regular-expression character classes.

Names in the coverage we compare come from Serbian, Albanian, Turkish, Polish, Czech and other Latin-script
languages: a class of capitals listed by hand ("A-ZČĆŠŽĐ") misses Ş, İ, Ł, Ø and the rest, and every name that
starts with one is never read. These classes hold every capital and small letter of Latin-1, Latin Extended-A
and -B, made from Unicode's own case data.
"""

from __future__ import annotations

import re

_LATIN = [chr(code) for code in range(0x41, 0x250)]

#: Every Latin capital (escaped for use inside ``[...]``).
UPPER = re.escape("".join(c for c in _LATIN if c.isupper()))
#: Every small Latin letter, ß and dotless ı included (escaped for use inside ``[...]``).
LOWER = re.escape("".join(c for c in _LATIN if c.islower()))
