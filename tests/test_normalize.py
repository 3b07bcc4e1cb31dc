from hypothesis import given, strategies as st

from icpolicy.text.normalize import find_spans, merge_spans, normalise, normalise_with_offsets


def test_fullwidth_case_space_and_traditional_forms_match():
    assert normalise("ＥＤＡ") == "eda"
    assert normalise("5G") == normalise("５ｇ") == "5g"
    assert normalise("集成 电路\u3000产业") == "集成电路产业"
    assert normalise("半導體") == normalise("半导体")
    assert normalise("进⼀步") == "进一步"  # Kangxi radical from PDF extraction


def test_offsets_point_back_into_the_original():
    text = "达到 ３５０亿元"
    norm, offsets = normalise_with_offsets(text)
    assert norm == "达到350亿元"
    assert [text[i] for i in offsets] == list("达到３５０亿元")


def test_spans_cover_each_occurrence_in_original_coordinates():
    text = "集成 电路和集成电路"
    spans = find_spans(text, ["集成电路"])
    assert [text[s:e] for s, e in spans] == ["集成 电路", "集成电路"]


def test_merge_spans_joins_overlaps():
    assert merge_spans([(5, 8), (0, 3), (2, 4), (8, 9)]) == [(0, 4), (5, 9)]


@given(st.text(alphabet="集成电路先进封装ＡＢab 12１２\u3000,，", max_size=40), st.text(alphabet="集成电路封装ab12", min_size=1, max_size=4))
def test_every_span_slices_to_a_match_of_the_query(text, needle):
    for start, end in find_spans(text, [needle]):
        assert normalise(needle) in normalise(text[start:end])
    assert bool(find_spans(text, [needle])) == (normalise(needle) in normalise(text))


def test_the_t2s_table_is_opencc_character_by_character():
    from icpolicy.text.normalize import _t2s, opencc_pairs

    assert dict(opencc_pairs()) == _t2s()


def test_normalising_twice_changes_nothing_for_every_ideograph_and_compatibility_form():
    import unicodedata

    from icpolicy.text.normalize import CJK_RANGES

    chars = [chr(c) for lo, hi in CJK_RANGES for c in range(ord(lo), ord(hi) + 1)]
    chars += [chr(c) for c in range(0x2E80, 0x33FF)] + [chr(c) for c in range(0xFF00, 0xFFEF)]
    text = "".join(chars)
    once = normalise(text)
    assert normalise(once) == once
    assert normalise("薴") == normalise("苧") == "苎"  # t2s takes two steps here
    assert unicodedata.normalize("NFKC", "㈾") == "(資)" and normalise("㈾") == "(资)"  # NFKC gives several characters: each converted


def test_offsets_hold_when_a_character_expands():
    text = "甲㈾乙 丙"
    norm, offsets = normalise_with_offsets(text)
    assert norm == "甲(资)乙丙" and [text[i] for i in offsets] == ["甲", "㈾", "㈾", "㈾", "乙", "丙"]
    assert find_spans(text, ["资)乙"]) == [(1, 3)]


def test_a_latin_word_boundary_is_judged_on_the_text_as_written():
    from icpolicy.text.normalize import occurrences

    assert [(a, b) for _, a, b in occurrences("SiC MOSFET器件", "sic", whole_latin=True)] == [(0, 3)]
    assert occurrences("ASIC芯片", "sic", whole_latin=True) == []
    assert occurrences("ＡＳＩＣ芯片", "sic", whole_latin=True) == []
    assert [(a, b) for _, a, b in occurrences("用于AI ASIC", "ai", whole_latin=True)] == [(2, 4)]


def _plain_characters() -> list[str]:
    import re

    from icpolicy.text import normalize

    pattern = re.compile(f"[{normalize._PLAIN_RANGES}]")
    return [chr(c) for c in range(0x110000) if pattern.match(chr(c))]


def test_the_fast_nfkc_path_covers_only_characters_that_never_compose():
    """Against the Unicode database: no character of the fast path is the second character of a
    canonical composition or a combining mark, and its NFKC form is made of such characters."""
    import unicodedata

    seconds = set()
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    seconds.update(chr(c) for c in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)])  # Hangul V and T jamo
    plain = set(_plain_characters())
    assert len(plain) > 20000
    for char in plain:
        assert char not in seconds and unicodedata.combining(char) == 0
        assert set(unicodedata.normalize("NFKD", char)) <= plain


@given(st.lists(st.sampled_from(_plain_characters()[::37] + list("，。：；（）！？　…ＡＢ１２ａb-~、《》「」")), max_size=60))
def test_the_fast_nfkc_is_nfkc(chars):
    import unicodedata

    from icpolicy.text.normalize import nfkc

    text = "".join(chars)
    assert nfkc(text) == unicodedata.normalize("NFKC", text)
    assert nfkc(text + "é") == unicodedata.normalize("NFKC", text + "é")  # outside the fast path


def test_nfkc_outside_the_fast_path_composes():
    import unicodedata

    from icpolicy.text.normalize import nfkc

    assert nfkc("集成电路e\u0301") == "集成电路é" == unicodedata.normalize("NFKC", "集成电路e\u0301")
    assert nfkc("ＣＰＵ\u2f00") == "CPU一"


def test_keeps_ideographs_is_the_character_by_character_comparison():
    import random
    import re

    from icpolicy.text.normalize import CJK_RANGES, keeps_ideographs, one_to_one

    not_ideograph = re.compile("[^" + "".join(f"{lo}-{hi}" for lo, hi in CJK_RANGES) + "]")
    # simplified and traditional ideographs, compatibility ideographs and Kangxi radicals (their
    # forms are ideographs), enclosed and parenthesised ones, full-width and Latin letters, spaces
    pool = list("集成电路产业發展國際，。（）ＡＢａ１ 　\t⼀⼆㊀㈠ﬁ﨑豈車𠀀abcXYZ!?") + [chr(c) for c in range(0xF900, 0xF910)]
    rng = random.Random(15)
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        norm = normalise(text)
        expected = one_to_one(text, norm) and not_ideograph.sub(".", text) == not_ideograph.sub(".", norm)
        assert keeps_ideographs(text, norm) == expected, text


def test_an_ideograph_is_its_own_search_form_exactly_when_t2s_leaves_it():
    """What normalise's fast path assumes of the blocks it does not look up (every character of them)."""
    from icpolicy.text.normalize import _OWN_FORM_BLOCKS, _normalise_char, _t2s

    traditional = _t2s()
    for lo, hi in _OWN_FORM_BLOCKS:
        for code in range(ord(lo), ord(hi) + 1):
            char = chr(code)
            assert (_normalise_char(char) == char) == (char not in traditional), char


@given(st.lists(st.sampled_from(list("集成电路产业發展國際薴苧，。：；（）！？　 \t…ＡＢ１２ａbXY-~、《》「」⼀㊀ﬁ﨑豈\u200b") + ["", "𠀀"]), max_size=300))
def test_normalise_of_a_passage_is_the_table_translation(chars):
    """Long texts take the scan-and-replace path; it gives what the per-character table gives."""
    from icpolicy.text.normalize import _TABLE

    text = "".join(chars) * 2
    assert normalise(text) == text.translate(_TABLE)
    assert normalise("发展集成电路产业，" * 10 + "".join(chars)) == ("发展集成电路产业，" * 10 + "".join(chars)).translate(_TABLE)


def test_the_characters_a_plain_passage_scan_skips_are_their_own_forms():
    import re

    from icpolicy.text.normalize import _OWN_OTHERS, _normalise_char

    listed = re.compile(f"[{_OWN_OTHERS}]")
    skipped = [chr(c) for c in range(0x10000) if listed.match(chr(c))]
    assert len(skipped) == 83 and all(_normalise_char(c) == c for c in skipped)  # (83 since session 57: | is dropped)


@given(st.lists(st.sampled_from(list("集成电路产业發展國際，。：；（）！？　 …ＡＢ１２ａbXY-~、《》「」⼀㊀ﬁ﨑豈①") + ["𠀀"]), max_size=200))
def test_the_search_form_of_a_plain_passage_by_its_scan(chars):
    from icpolicy.text.normalize import keeps_ideographs, plain_search_form

    text = "".join(chars)
    norm = normalise(text)
    if keeps_ideographs(text, norm):
        assert plain_search_form(text) == norm
