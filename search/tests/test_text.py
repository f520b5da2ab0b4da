import pytest

from search.text import fold, query_stems, snippet, stems


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("schulden", "Schuld"),
        ("gezinnen", "gezin"),
        ("gezin", "Gezinnen"),
        ("trainingen", "training"),
        ("casuistiek", "Casuïstiek"),
        ("casuïstiek", "casuistiek"),
        ("ervaringsdeskundige", "Ervaringsdeskundigen"),
        ("organisaties", "organisatie"),
        ("financiele", "financiële"),
        ("CAFÉ", "cafe"),
    ],
)
def test_inflections_and_diacritics_meet(query, text):
    assert query_stems(query) == stems(text)


def test_different_words_stay_apart():
    assert stems("schuld") != stems("school")
    assert stems("gezin") != stems("zin")


def test_fold_drops_diacritics_and_case():
    assert fold("Ëmigratie Casuïstiek coöperatie") == "emigratie casuistiek cooperatie"


def test_stop_words_single_letters_and_punctuation_leave_no_stems():
    assert query_stems("de het een") == []
    assert query_stems("thema's") == stems("thema")
    assert query_stems('" * - NEAR( ) AND; -- %') == ["near", "and"]
    assert query_stems("…!?") == []


def test_query_stems_are_distinct_in_typed_order():
    assert query_stems("gezinnen schulden gezin") == ["gezin", "schuld"]


def test_snippet_marks_every_form_of_the_wanted_words():
    html = snippet("Gezinnen met schulden. Een gezin zonder schuld.", {"gezin", "schuld"})
    assert html == (
        "<mark>Gezinnen</mark> met <mark>schulden</mark>. "
        "Een <mark>gezin</mark> zonder <mark>schuld</mark>."
    )


def test_snippet_escapes_the_text():
    html = snippet('<script>alert("schuld")</script> & meer', {"schuld"})
    assert "<script>" not in html
    assert html == (
        "&lt;script&gt;alert(&quot;<mark>schuld</mark>&quot;)&lt;/script&gt; &amp; meer"
    )


def test_snippet_shows_the_text_around_a_late_match():
    text = " ".join(["woord"] * 200 + ["casuïstiek"] + ["tekst"] * 200)
    html = snippet(text, {"casuistiek"}, length=120)
    assert html.startswith("… woord")
    assert html.endswith("tekst …")
    assert "<mark>casuïstiek</mark>" in html
    assert len(html) < 160


def test_snippet_without_match_is_the_start_of_the_text():
    text = "Begin van de tekst. " + "Meer tekst. " * 50
    html = snippet(text, {"schuld"}, length=40)
    assert html.startswith("Begin van de tekst.")
    assert "<mark>" not in html
