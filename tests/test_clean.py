import re

from hypothesis import given, settings, strategies as st

from icpolicy.text.clean import clean, clean_text
from icpolicy.text.tokens import cut

from .conftest import SEEDS


def test_line_endings_crlf_and_lone_cr():
    assert clean_text("第一段。\r\n第二段。\r第三段。") == "第一段。\n第二段。\n第三段。"


def test_bom_and_zero_width_marks_go():
    assert clean_text("\ufeff集成\u200b电路") == "集成电路"


def test_page_numbers_go_in_all_their_forms():
    for furniture in ["— 6 —", "— 6—", "- 3 -", "-3-", "第3页", "第 3 页 共 12 页", "3 / 12 页"]:
        assert clean_text(f"前文。\n{furniture}\n后文。") == "前文。\n后文。", furniture


def test_url_only_lines_go_but_urls_in_sentences_stay():
    text = "正文。\nhttp://www.baidu.com/link?url=abc\n详见 https://example.org 的说明。"
    assert clean_text(text) == "正文。\n详见https://example.org的说明。"


def test_spaces_between_chinese_and_digits_go():
    assert clean_text("达到 350亿元，12 英寸，2023年 4月 27日") == "达到350亿元，12英寸，2023年4月27日"
    assert clean_text("政 府 工 作 报 告") == "政府工作报告"


def test_latin_words_keep_their_spaces():
    assert clean_text("支持 Micro LED 技术") == "支持Micro LED技术"


def test_wrapped_pdf_lines_rejoin_across_page_breaks_and_furniture():
    text = "\f".join([
        "集成电路产业营业收入保持年均增长百分之十五左右，达到\n三百五十亿元，力争三百八十亿元。集成电路制造业产值保持年均\n6\n",
        "增长百分之十左右。\n二、主要任务\n（一）提升重点产业水平，打造细分领域新增长点和新的\n动能。\n",
    ])
    paragraphs = [p.text for p in clean(text, "wrapped")]
    assert "集成电路制造业产值保持年均增长百分之十左右。" in paragraphs[0]
    assert "达到三百五十亿元" in paragraphs[0]
    assert "二、主要任务" in paragraphs
    assert any(p.endswith("新增长点和新的动能。") for p in paragraphs)


def test_hard_wrapped_seed_reads_as_sentences():
    text = (SEEDS / "002_fb61b6fb22bb7e3f.txt").read_text(encoding="utf-8")
    cleaned = clean_text(text)
    assert "上海软件信息产业“一中四方”的战略布局" in cleaned  # across a line break
    assert "为优质项目落地储备土地资源" in cleaned  # across a pasted URL line
    assert "通过头部企业的带动和支撑，西岑科创中心将建设成为青浦区集成电路产业的核心创新高地。" in cleaned  # across "— 6—"
    assert "baidu.com" not in cleaned and "— 6" not in cleaned


def test_markdown_marks_go_and_headings_keep_their_level():
    text = "# 总标题\n\n## 天津市\n\n**天津**立足[产业基础](http://x.cn)。\n<!-- INFO END -->\n- 列表项\n---\n"
    paragraphs = clean(text, "markdown")
    assert [(p.text, p.heading) for p in paragraphs] == [("总标题", 1), ("天津市", 2), ("天津立足产业基础。", 0), ("列表项", 0)]


def test_markdown_in_seed_is_stripped():
    cleaned = clean_text((SEEDS / "003_295b1b469a94bc3a.txt").read_text(encoding="utf-8"), "markdown")
    assert "**" not in cleaned and "##" not in cleaned


_CJK = re.compile(r"[\u4e00-\u9fff]")
# healing asks the segmenter whether a break cuts a word: load its dictionary (once per process,
# ~0.1-0.3 s) before hypothesis times the examples
cut("集成电路")
_furniture_free = st.text(alphabet="集成电路产业发展。，：一二三\n\r \t12ab", max_size=200)


@settings(max_examples=200)
@given(_furniture_free)
def test_cleaning_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=200)
@given(_furniture_free, st.sampled_from(["plain", "wrapped", "markdown"]))
def test_cleaning_keeps_every_chinese_character(text, layout):
    assert _CJK.findall(clean_text(text, layout)) == _CJK.findall(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["第3页", "— 6 —", "- 12 -", "集成电路发展。", "先进封装"]), max_size=12))
def test_cleaning_drops_only_page_furniture(lines):
    # page furniture: page numbers, and a running head or foot: a short line that repeats one seen on an earlier
    # page, standing within two lines after a page number (or within the last two before one) where the text
    # before it runs on (no sentence end), or where an earlier copy went so, and text follows it
    # … and the text's first line (a letterhead) again near a later page's edge, text after it, wherever the
    # sentence before ends (session 31)
    kept = clean_text("\n".join(lines))
    expected, last_page, page, since_edge, before, dropped = [], {}, 0, 99, "", set()
    content = [(at, line) for at, line in enumerate(lines) if line in ("集成电路发展。", "先进封装")]
    letterhead, letter_at = (content[0][1], content[0][0]) if content else ("", -1)
    letter_page = sum(1 for line in lines[:letter_at] if line not in ("集成电路发展。", "先进封装"))
    for at, line in enumerate(lines):
        if line not in ("集成电路发展。", "先进封装"):
            page, since_edge = page + 1, 0
            continue
        since_edge += 1
        if line == "先进封装":
            followed = any(later in ("集成电路发展。", "先进封装") for later in lines[at + 1:])
            to_edge = next((n for n, later in enumerate(lines[at + 1:]) if later not in ("集成电路发展。", "先进封装")), None)
            at_edge = since_edge <= 2 or (to_edge is not None and to_edge <= 1)
            runs_on = (before and not before.endswith("。")) or line in dropped
            head = line in last_page and last_page[line] < page and at_edge and runs_on and followed
            head = head or (line == letterhead and at != letter_at and letter_page < page and at_edge and followed)
            last_page[line] = page
            if head:
                dropped.add(line)
                continue
        expected.append(line)
        before = line
    assert _CJK.findall(kept) == _CJK.findall("".join(expected))


def test_a_break_that_cuts_a_word_in_the_first_clause_is_joined():
    # web copy: the blank line falls before the sentence's first comma, inside 半导体
    text = "宁德产业观察\n\n宁德正在把动力电池和功率半\n\n导体作为两大主导方向，配套企业逐年增加。\n\n下一步将扩产。"
    paragraphs = [p.text for p in clean(text)]
    assert "宁德正在把动力电池和功率半导体作为两大主导方向，配套企业逐年增加。" in paragraphs
    # the title above it stays apart: no word runs across that break
    assert paragraphs[0] == "宁德产业观察"


def test_an_official_title_broken_over_lines_is_one_paragraph():
    text = ("某市经济和信息化局关于印发某市集成电路\n产业链协同发展若干措施的通知\n某经信发〔2025〕3号\n"
            "各区经济和信息化部门：\n现将有关措施印发给你们。")
    paragraphs = [p.text for p in clean(text)]
    assert paragraphs[0] == "某市经济和信息化局关于印发某市集成电路产业链协同发展若干措施的通知"
    assert paragraphs[1] == "某经信发〔2025〕3号"
    # a body sentence that mentions 关于 is never joined to a title
    assert [p.text for p in clean("关于这个问题，各方看法不一。\n下一步的通知")] == ["关于这个问题，各方看法不一。", "下一步的通知"]


def test_character_references_in_pasted_html_are_read_as_characters():
    text = clean_text("<p>集成电路&nbsp;产业&amp;人才，&#8220;芯火&#8221;计划&lt;试行&gt;。</p>")
    assert text == "集成电路产业&人才，“芯火”计划<试行>。"
    assert clean_text(text) == text  # cleaning twice reads the same
    # escaped twice (a CMS export), and an escaped tag: read through, the tag removed
    twice = clean_text("&amp;ldquo;光子谷&amp;rdquo;建设&amp;nbsp;提速，&lt;span class=&quot;b&quot;&gt;高新区&lt;/span&gt;新增载体。")
    assert twice == "“光子谷”建设提速，高新区新增载体。" and clean_text(twice) == twice
    assert clean_text("a&amp;lt;b") == "a<b" == clean_text(clean_text("a&amp;lt;b"))
