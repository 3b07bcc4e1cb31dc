"""The screen that spares reading most clauses' openings (regions.may_name, sections.may_name) must never
turn away a text in which a place could be found: every name the gazetteer finds passes it, in traditional
characters too, and in a label line whose letters are set apart by marks."""

from icpolicy.meta import regions, sections


def test_every_name_the_gazetteer_finds_passes_the_screen():
    gaz = regions.gazetteer()
    names = [name for name in gaz.names if len(name) > 1]
    assert len(names) > 3000
    missed = [name for name in names if gaz.find("据悉" + name + "今年") and not gaz.may_name("据悉" + name + "今年")]
    assert missed == []


def test_a_text_naming_no_place_is_turned_away():
    assert not regions.gazetteer().may_name("加快构建现代化产业体系，推动高质量发展。")
    assert sections.opening("加快构建现代化产业体系，推动高质量发展。", 0) is None


def test_traditional_characters_pass_as_their_simplified_names():
    gaz = regions.gazetteer()
    assert gaz.find("廣州市推進集成電路") and gaz.may_name("廣州市推進集成電路")


def test_a_label_line_with_its_name_split_by_marks_still_opens_with_the_place():
    # the letters of the line name the place (第一站：西·安): the screen reads them as well as the text
    for line in ("第一站：西·安。这里聚集了一批设计企业。", "1️⃣ 西 安。重点发展功率器件。"):
        found = sections.opening(line, 0)
        assert found is not None and found.region.path[-1] == "西安市", line
    assert sections.opening("第一站：合肥。", 0).region.path[-1] == "合肥市"
