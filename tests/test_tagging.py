"""Metadata on the seeds: document facts, and per-passage region and years of the round-ups."""

from icpolicy.meta.sectors import resolve as resolve_segment, tag
from icpolicy.text.normalize import normalise


def _passage(doc, start: str):
    return next(p for p in doc.passages if p.text.startswith(start))


def test_action_plan_facts(seed_documents):
    doc = seed_documents["002_fb61b6fb22bb7e3f.txt"]
    assert doc.meta.region.path == ("上海市", "青浦区")
    assert doc.meta.years == (2023, 2024, 2025)
    assert doc.meta.doc_type == "行动方案"
    assert doc.meta.doc_number == "青府办发〔2023〕25号"
    assert doc.meta.issuer == "青浦区人民政府办公室"
    assert doc.meta.issued == "2023-04-27"
    assert "行动方案（2023~2025年）" in doc.meta.title


def test_places_mentioned_inside_a_plan_do_not_move_it(seed_documents):
    doc = seed_documents["002_fb61b6fb22bb7e3f.txt"]
    assert {p.region.path for p in doc.passages} == {("上海市", "青浦区")}


def test_work_plan_of_a_county_level_city(seed_documents):
    doc = seed_documents["004_c51259edd6b9e7c6.txt"]
    assert doc.meta.region.path == ("江苏省", "苏州市", "昆山市")
    assert doc.meta.years == (2025,)
    assert doc.meta.doc_type == "工作方案"


def test_roundup_2025_sections(seed_documents):
    doc = seed_documents["000_9cc3f131d6978670.txt"]
    assert doc.meta.doc_type == "新闻综述" and doc.meta.years == (2025,)
    assert doc.meta.region.path == ("多地",)  # a round-up as a whole is never filed under one place
    assert _passage(doc, "近日，全国各省").region.path == ("多地",)
    assert _passage(doc, "北京：推动集成电路").region.path == ("北京市",)
    beijing_body = _passage(doc, "2025年1月14日，北京市第十六届")
    # the section's report year, plus the year the passage itself speaks of (2024年北京市…规模突破)
    assert beijing_body.region.path == ("北京市",) and beijing_body.years == (2024, 2025)
    assert _passage(doc, "上海：").region.path == ("上海市",)
    assert _passage(doc, "沈阳：").region.path == ("辽宁省", "沈阳市")
    assert _passage(doc, "无锡：").region.path == ("江苏省", "无锡市")


def test_roundup_2024_congress_openings_set_region_and_year(seed_documents):
    doc = seed_documents["001_956485486ee5ccc0.txt"]
    assert doc.meta.years == (2024,)
    guangdong = _passage(doc, "1月23日,在广东省第十四届")
    assert guangdong.region.path == ("广东省",) and guangdong.years == (2024,)
    following = doc.passages[guangdong.ordinal + 1]
    assert following.region.path == ("广东省",)  # the section goes on until the next opener
    assert _passage(doc, "1月11日,长沙市第十六届").region.path == ("湖南省", "长沙市")
    assert _passage(doc, "2024年1月6日,在大连市").region.path == ("辽宁省", "大连市")


def test_roundup_2026_markdown_headings_and_figures_paragraphs(seed_documents):
    doc = seed_documents["003_295b1b469a94bc3a.txt"]
    assert doc.meta.years == (2026,)
    assert _passage(doc, "天津市").region.path == ("天津市",)
    assert _passage(doc, "天津立足自身产业基础").region.path == ("天津市",)
    assert _passage(doc, "2025年,江苏集成电路产量").region.path == ("江苏省",)
    assert _passage(doc, "2025年,甘肃集成电路产量").region.path == ("甘肃省",)
    # a new top-level article resets the region to the document's
    assert _passage(doc, "先进封装成为AI芯片").region.path == ("多地",)


def test_segments_fire_on_what_a_passage_discusses():
    assert tag(normalise("支持先进封装和测试技术及装备制造能力的提升")) == ("packaging", "equipment")
    assert tag(normalise("培育封测龙头企业")) == ("packaging",)
    assert "compound" in tag(normalise("重点发展GaN等新型化合物半导体"))
    assert "materials" in tag(normalise("在12英寸硅片、光刻胶等领域实现技术突破"))
    assert tag(normalise("坚持科学设计，加快制造业转型。")) == ()  # bare 设计/制造 are not segments
    assert "sensors" not in tag(normalise("precision agriculture"))  # CIS inside a Latin word
    assert "display" not in tag(normalise("数据显示，全年经济平稳"))


def test_segment_values_accept_slug_or_label():
    assert resolve_segment("packaging") == resolve_segment("封装测试") == "packaging"
    assert resolve_segment("化合物半导体") == "compound"
    assert resolve_segment("nonsense") is None


def test_laws_are_typed_by_who_makes_them():
    from icpolicy.meta.tagging import tag_document

    def doc_type(*lines):
        return tag_document("", [(line, 0) for line in lines], "x")[0].doc_type

    assert doc_type("江苏省某某管理条例", "第一条 为了规范管理，制定本条例。") == "地方性法规"
    assert doc_type("某某管理条例", "国务院令第1号公布", "第一条 为了规范管理，制定本条例。") == "行政法规"
    assert doc_type("工业和信息化部关于电子产品管理的规定", "第一条 为了规范管理，制定本规定。", "工业和信息化部", "2024年5月1日") == "部门规章"
    assert doc_type("国务院关于某事项的规定", "第一条 为了规范管理，制定本规定。") == "行政法规"


def test_other_official_forms_are_typed_by_their_title():
    from icpolicy.meta.tagging import tag_document

    def doc_type(title):
        return tag_document("", [(title, 0), ("一、总体要求。", 0)], "x")[0].doc_type

    assert doc_type("某省人民政府关于加快发展数字经济的决定") == "决定"
    assert doc_type("某市集成电路产业专项资金管理实施细则") == "细则"
    assert doc_type("关于2024年某市国民经济和社会发展计划执行情况的报告") == "报告"
    assert doc_type("某某局关于集成电路企业税收优惠事项的公告") == "公告"
    assert doc_type("某省人民政府关于同意设立某某高新技术产业开发区的批复") == "批复"
    assert doc_type("某市集成电路产业发展白皮书（2024年）") == "白皮书"
    assert doc_type("某某出台集成电路产业扶持办法") == "新闻综述"  # a headline reporting one


def test_law_titles_orders_subtitles_and_target_years():
    from icpolicy.meta.tagging import tag_document

    def meta(*lines):
        return tag_document("", [(line, 0) for line in lines], "x")[0]

    law = meta("中华人民共和国某某促进法", "（2025年4月28日第十四届全国人民代表大会常务委员会第十五次会议通过）", "第一条　为了促进某某发展，制定本法。")
    assert (law.title, law.doc_type, law.issued) == ("中华人民共和国某某促进法", "法律", "2025-04-28")
    order = meta("中华人民共和国国务院令", "第900号", "《某某条例》已经2025年3月14日国务院第52次常务会议通过，现予公布。", "总理　某某", "2025年3月28日", "某某条例", "第一条　为了规范某某，制定本条例。")
    assert (order.title, order.doc_number, order.issuer, order.doc_type) == ("某某条例", "国务院令第900号", "国务院", "行政法规")
    congress = meta("团结奋斗　再创佳绩", "——在中国共产党某某市第十次代表大会上的报告", "同志们：", "现在，我代表第九届委员会向大会作报告。")
    assert (congress.title.replace("\u3000", ""), congress.doc_type) == ("团结奋斗再创佳绩", "党代会报告")
    # a news item with no date: the year it reports, not the target year it quotes
    news = meta("某省芯片产业营收创新高", "记者从某省经信厅获悉，2025年全省集成电路产业营收增长两成。", "按照规划，到2027年产业营收将翻一番。")
    assert news.years == (2025,)


def test_plan_years_from_chinese_numerals_bare_ranges_and_named_periods():
    from icpolicy.meta.tagging import tag_document

    def years(title):
        return tag_document("", [(title, 0), ("一、总体目标。", 0), ("某市人民政府办公室", 0), ("二〇二四年十二月二十日", 0)], "x")[0].years

    assert years("某市二〇二五年数字经济工作要点") == (2025,)
    assert years("关于印发某市数字经济三年行动计划（2025-2027）的通知") == (2025, 2026, 2027)
    assert years("某市“十五五”集成电路产业发展规划") == (2026, 2027, 2028, 2029, 2030)


def test_the_sector_screen_finds_exactly_the_segments_with_a_keyword_in_the_text():
    """The one Aho-Corasick pass against a search per segment for any of its keywords."""
    import random
    import re

    from icpolicy.meta.sectors import _screen, taxonomy

    segments = taxonomy()
    keywords = sorted({k for s in segments for k in s.keywords})
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice([rng.choice(keywords), rng.choice(keywords)[:-1], "的发展，", "集成", "芯"]) for _ in range(rng.randint(0, 6)))
        expected = {k for k, s in enumerate(segments) if any(re.search(re.escape(w), text) for w in s.keywords)}
        assert _screen(text) == expected, text
