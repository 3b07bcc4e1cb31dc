from hypothesis import given, strategies as st

from icpolicy.models import Paragraph
from icpolicy.text.passages import split, split_paragraph, split_sentences


def test_short_paragraphs_are_one_passage_each():
    assert split([Paragraph("一、总体目标", 0), Paragraph("到2025年，产值达到350亿元。", 0)]) == [("一、总体目标", 0), ("到2025年，产值达到350亿元。", 0)]


def test_long_paragraphs_split_at_sentence_ends_only():
    sentence = "支持先进封装和测试技术及装备制造能力的提升。"
    chunks = split_paragraph(sentence * 40, max_chars=100)
    assert len(chunks) > 1
    assert all(chunk.endswith("。") for chunk in chunks)
    assert "".join(chunks) == sentence * 40


def test_a_sentence_longer_than_the_limit_is_never_cut():
    long_sentence = "集成电路" * 200 + "。"
    assert split_paragraph(long_sentence, max_chars=100) == [long_sentence]


@given(st.text(alphabet="集成电路。！？；，ab1 ”", min_size=1, max_size=600), st.integers(20, 300))
def test_passages_cover_the_text_in_order(text, limit):
    assert "".join(split_sentences(text)) == text
    assert "".join(split_paragraph(text, limit)) == text
