import unicodedata

import pytest

from compare.errors import InputError
from compare.stages.ingest import document_ids, find_articles, read_document


def test_header_metadata_title_and_offsets(write):
    path = write("a.txt", "Source: Example News\nDate: 2023-09-25\n\nFour die in Banjska\n\nBody sentence here.\n")
    doc = read_document(path, "a")
    assert doc.metadata == {"source": "Example News", "date": "2023-09-25"}
    assert doc.title == "Four die in Banjska"
    header = [b for b in doc.boilerplate if b.reason == "header"]
    assert [b.text for b in header] == ["Source: Example News", "Date: 2023-09-25"]
    for b in doc.boilerplate:
        assert doc.text[b.start:b.end] == b.text


def test_title_header_overrides_first_line(write):
    doc = read_document(write("a.txt", "Title: Given title\nFirst line of body.\n"), "a")
    assert doc.title == "Given title"


def test_an_empty_header_value_keeps_the_header_lines_after_it(write):
    # A scraper that found no headline writes "Title: ": the outlet and the date below it are still the header.
    text = "Title: \nOutlet: Example News\nDate: 2023-09-25\n\nFirst line of body.\n\nSecond line.\n"
    doc = read_document(write("a.txt", text), "a")
    assert doc.metadata == {"outlet": "Example News", "date": "2023-09-25"}
    assert doc.title == "First line of body."
    assert [b.text for b in doc.boilerplate if b.reason == "header"] == [
        "Title:",
        "Outlet: Example News",
        "Date: 2023-09-25",
    ]


def test_text_is_nfc(write):
    decomposed = unicodedata.normalize("NFD", "Vučić i Zvečan.")
    doc = read_document(write("a.txt", decomposed), "a")
    assert doc.text == "Vučić i Zvečan."


def test_cp1250_is_detected_and_warned(write):
    text = "Predsednik Vučić je rekao da će Srbija čuvati mir. Ćirilica, đak, šuma, žaba i čačak su tu.\n" * 3
    doc = read_document(write("a.txt", text.encode("cp1250")), "a")
    assert "Vučić" in doc.text and "đak" in doc.text
    assert doc.encoding in ("cp1250", "iso8859_2")
    assert doc.warnings and "not UTF-8" in doc.warnings[0]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"   \n\n  ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
])
def test_unusable_files_raise_with_reason(write, content, reason):
    path = write("bad.txt", content)
    with pytest.raises(InputError) as error:
        read_document(path, "bad")
    assert error.value.path == str(path)
    assert reason in error.value.reason


def test_html_main_text_and_metadata(write):
    html = """<html><head><title>KFOR troops injured in Zvečan</title>
    <meta property="og:site_name" content="Example Outlet"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>KFOR troops injured in Zvečan</h1>
    <p>In May, KFOR troops were attacked in Zvečan, and 93 soldiers were injured, some seriously.</p>
    <p>NATO deployed an additional 1,000 troops in Kosovo after the violence in September.</p>
    <p>Those responsible must face justice, the Secretary General said on Monday in Pristina.</p>
    </article><footer>Copyright Example Outlet</footer></body></html>"""
    doc = read_document(write("a.html", html), "a")
    assert "93 soldiers were injured" in doc.text
    assert "Home" not in doc.text.split("\n")[0]
    assert doc.title.startswith("KFOR troops injured")


def test_find_articles_recurses_and_skips_other_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub" / "b.md").write_text("x")
    (tmp_path / "sub" / "c.html").write_text("x")
    (tmp_path / "notes.pdf").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("x")
    found, skipped = find_articles([tmp_path])
    assert sorted(p.name for p in found) == ["a.txt", "b.md", "c.html"]
    found, skipped = find_articles([tmp_path / "notes.pdf", tmp_path / "a.txt"])
    assert [p.name for p in found] == ["a.txt"] and skipped[0].path.endswith("notes.pdf")


def test_missing_path_and_empty_folder_raise(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        find_articles([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no articles"):
        find_articles([tmp_path / "empty"])


def test_document_ids_are_stems_widened_on_clashes(tmp_path):
    paths = [tmp_path / "x" / "a.txt", tmp_path / "y" / "a.txt", tmp_path / "b.txt"]
    assert document_ids(paths) == ["x/a", "y/a", "b"]


def test_damaged_utf16_is_read_with_replacement_and_a_warning(write):
    odd = b"\xff\xfe" + "Title here\n\nSome body text.".encode("utf-16-le") + b"\x00"
    lone = b"\xff\xfe" + "Title here\n\nA lone surrogate ".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le")
    for name, data in (("odd.txt", odd), ("lone.txt", lone)):
        doc = read_document(write(name, data), "a")
        assert doc.title == "Title here" and doc.encoding == "utf-16"
        assert any("damaged UTF-16" in w for w in doc.warnings)


def test_utf16_without_a_byte_order_mark_is_text(write):
    text = "Naslov\n\nThe council met on Monday to vote on the budget plan.\n"
    for codec in ("utf-16-le", "utf-16-be"):
        doc = read_document(write(f"{codec}.txt", text.encode(codec)), "a")
        assert doc.title == "Naslov" and "budget plan" in doc.text
        assert any("no byte-order mark" in w for w in doc.warnings)


def test_nul_bytes_past_the_first_8kb_are_removed(write):
    body = ("A plain sentence of the article. " * 300).encode() + b"\x00\x00stray" + b" end.\n"
    doc = read_document(write("a.txt", b"Title\n\n" + body), "a")
    assert "\x00" not in doc.text and "stray" in doc.text
    assert "NUL bytes removed" in doc.warnings


def test_an_impossible_header_date_is_no_date_with_a_warning(write):
    doc = read_document(write("a.txt", "Date: 31 September 2023\n\nTitle\n\nBody sentence here.\n"), "a")
    assert any("31 September 2023 is no calendar date" in w for w in doc.warnings)


def _in_thread(func, seconds=10):
    """func() run where a hang fails the test instead of stalling it."""
    import threading

    outcome = {}

    def target():
        try:
            outcome["value"] = func()
        except Exception as error:  # noqa: BLE001 - handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hung"
    return outcome


def test_special_files_are_skipped_with_a_reason_never_read(tmp_path):
    import os

    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\n\nA sentence of the article.\n")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    found, skipped = find_articles([folder])
    assert [p.name for p in found] == ["a.txt"]
    assert {os.path.basename(s.path) for s in skipped} == {"pipe.txt", "zero.txt", "dangling.txt", "loop.txt"}
    found, skipped = find_articles([folder / "pipe.txt", folder / "zero.txt", folder / "a.txt"])
    assert [p.name for p in found] == ["a.txt"] and len(skipped) == 2
    for name in ("pipe.txt", "zero.txt"):
        outcome = _in_thread(lambda: read_document(folder / name, "x"))
        assert isinstance(outcome.get("error"), InputError) and "not a regular file" in outcome["error"].reason


def test_an_article_over_the_size_limit_is_refused_with_the_limit_named(write):
    from compare.stages.ingest import MAX_BYTES

    sentence = b"The council met again on Monday and agreed on the budget. "
    path = write("huge.txt", sentence * (MAX_BYTES // len(sentence) + 1))
    with pytest.raises(InputError, match=r"too large for an article \(10\.0 MiB; the limit is 10 MiB\)"):
        read_document(path, "huge")
    under = write("large.txt", sentence * (MAX_BYTES // len(sentence) - 1))
    assert read_document(under, "large").text.startswith("The council")
