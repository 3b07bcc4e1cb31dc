"""Classes of target extraction read from holdout17's and holdout20's misses (the targets20 round; holdout21 and holdout22,
labelled twice and adjudicated before any run, are its held-out estimate), sentences of our own, through
meta/targets.extract."""

from __future__ import annotations

from icpolicy.meta.targets import extract


def rows(text: str, doc_type: str = "政府工作报告", year: int = 2024) -> list[tuple]:
    return [(q.value, q.unit, q.comparator, q.metric, q.year, q.kind) for q in extract(text, year, doc_type)]


def test_a_change_word_before_yuqi_names_the_goal():
    assert rows("今年全县经济增长预期6%左右。")[0][2:4] == ("左右", "经济增长")
    assert rows("全市经济增长预期目标7%左右。")[0][2:4] == ("左右", "经济增长")  # (预期目标: as before)


def test_zengshou_and_jianshou_are_changes_of_the_subject_before():
    found = rows("全县税收收入8.2亿元，比上年增收0.6亿元，增长7.9%；非税收入减收0.3亿元。", "统计公报")
    assert [q[2:4] for q in found] == [("", "税收收入"), ("增长", "税收收入"), ("增长", "税收收入"), ("下降", "非税收入")]


def test_gaishan_is_a_fall_only_right_before_a_percentage():
    found = rows("全市二氧化氮平均浓度21微克/立方米，比上年同期改善4.5%。", "统计公报")
    assert found[1][2:4] == ("下降", "二氧化氮平均浓度")
    assert rows("完成退化林修复改善2.4万亩。")[0][2] != "下降"  # an area improved: no fall
    assert rows("改善了1.2万户的居住条件。")[0][2:4] == ("", "居住条件")  # a count of households before 的, as before
    assert rows("地表水优良水体比例比上年改善3.1个百分点。", "统计公报")[0][2] != "下降"  # a share that improves rises
    assert rows("实施150个人居环境改善项目。")[0][3] == "人居环境改善项目"  # a noun's 改善 stops nothing


def test_a_count_with_yishang_before_its_noun_is_over_that_many():
    assert rows("今年推进150个以上重点技改项目。")[0][:4] == (150, "个", "超过", "重点技改项目")
    assert rows("力争培育8家以上链主企业。")[0][:4] == (8, "家", "新增", "链主企业")  # a word before decides
    assert rows("对从业50人以上企业开展安全检查。") == []  # a size of firm: a threshold
    assert rows("由三个以上单位联合申报。") == []  # a law's numeral threshold
    assert rows("对拥有5项以上核心专利的企业给予奖励。") == []  # a condition on the noun after 的
    assert rows("逾期60天以上贷款余额下降。") == []  # an age of loans
    assert rows("对一年内发生2次以上事故的企业予以约谈。") == []


def test_a_threshold_opening_the_noun_after_a_count_qualifies_it():
    assert rows("新增4家年营收超亿元的软件企业。")[0][3] == "软件企业"
    assert rows("推进60个以上总投资超10亿元的产业项目。")[0][2:4] == ("超过", "产业项目")


def test_a_joined_noun_runs_on_to_a_short_de_or_the_next_item():
    assert rows("展会吸引32个国家和地区的600家企业参展。")[0][3] == "国家和地区"
    found = rows("全区现有12家省级以上专精特新企业、40个科技孵化平台。")
    assert "专精特新企业" in found[0][3] and found[1][3] == "科技孵化平台"
    assert [q[3] for q in rows("新建8个口袋公园和12个街心游园。")] == ["口袋公园", "街心游园"]  # as before
