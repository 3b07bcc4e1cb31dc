"""Forwarded texts and paragraphs led by a place's name (session 33, from h-blind32b's misses, on texts in our own
words, through the CLI).

- A red-head letterhead (`某某厅文件`) set as a .docx's title is no title: the notice's own title line is, so a
  province's notice forwarding a ministry's is known as a forwarding notice and the attached ministry text is 全国.
- A forwarded text's title line joined to its first sentence (a PDF's lines run together) still opens that text.
- So a city's notice forwarding its province's measures gives the measures' items to the province.
- A paragraph whose first sentence is a place's name (（一）新吴区（无锡高新区）。集聚了…。重点招引…) is about that
  place: the name is its subject, not a place named in passing in a run of the city's own deeds."""

from __future__ import annotations

from tests.conftest import cli, first_hit, ingest_docs, make_docx

MINISTRY_PARAGRAPHS = [
    "湖南省工业和信息化厅文件",
    "湘工信电子〔2025〕18号",
    "湖南省工业和信息化厅关于转发《工业和信息化部办公厅关于开展2025年度电子元器件应用验证工作的通知》的通知",
    "各市州工业和信息化局：",
    "现将《工业和信息化部办公厅关于开展2025年度电子元器件应用验证工作的通知》转发给你们，请结合实际认真组织申报。",
    "一、长沙市要重点组织功率器件和传感器企业申报。",
    "湖南省工业和信息化厅",
    "2025年5月6日",
    "工业和信息化部办公厅关于开展2025年度电子元器件应用验证工作的通知",
    "各省、自治区、直辖市工业和信息化主管部门：",
    "一、验证范围。面向整机企业急需的国产功率器件和模拟芯片开展上机验证，形成一批可推广的验证报告。",
    "二、申报要求。申报单位应为在中华人民共和国境内注册的独立法人企业。",
    "工业和信息化部办公厅",
    "2025年4月20日",
]

CITY_FORWARD = """佛山市人民政府办公室转发广东省人民政府办公厅关于支持半导体装备产业发展若干措施的通知

佛府办〔2025〕9号

各区人民政府，市政府各部门：

现将《广东省人民政府办公厅关于支持半导体装备产业发展的若干措施》转发给你们，并提出如下意见，请一并贯彻执行。

一、顺德区要用好省级支持政策，加快建设半导体装备零部件产业园。

二、市工业和信息化局要会同市财政局制定我市配套细则。

佛山市人民政府办公室
2025年6月3日

广东省人民政府办公厅关于支持半导体装备产业发展的若干措施为推动全省半导体装备及零部件产业加快发展、提升产业链供应链韧性和安全水平，结合我省实际，制定以下措施。

一、优化布局。支持各地市依托现有园区建设半导体装备配套基地，引导零部件企业集聚发展。

二、支持首台套。对省内企业研制的半导体首台套装备，按照销售合同金额给予一定比例奖励。

广东省人民政府办公厅
2025年5月20日
"""

GUIDE = """无锡市集成电路产业投资指南（2025年版）

二、重点板块

（一）新吴区（无锡高新区）。集聚了晶圆制造和封测企业。重点招引车规芯片和功率半导体项目。

（二）锡山区。重点布局半导体装备零部件。
"""


def test_a_letterhead_title_gives_way_and_the_attached_ministry_text_is_national(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    path = make_docx(docs / "notice.docx", MINISTRY_PARAGRAPHS)
    import docx

    document = docx.Document(str(path))
    document.core_properties.title = "湖南省工业和信息化厅文件"
    document.save(str(path))
    index = ingest_docs(tmp_path)
    found = cli("docs", "--all", "--index", index, "--format", "json")
    assert found.returncode == 0, found.stderr
    assert "关于转发" in found.stdout and "湖南省工业和信息化厅文件\"" not in found.stdout
    assert first_hit(index, "形成一批可推广的验证报告")["region"] == "全国"
    assert first_hit(index, "在中华人民共和国境内注册的独立法人企业")["region"] == "全国"
    assert first_hit(index, "重点组织功率器件和传感器企业申报")["region_path"] == "湖南省/长沙市".split("/")


def test_a_forwarded_provinces_measures_are_the_provinces(tmp_path):
    index = ingest_docs(tmp_path, {"forward.txt": CITY_FORWARD})
    assert first_hit(index, "半导体装备零部件产业园")["region_path"] == "广东省/佛山市/顺德区".split("/")
    assert first_hit(index, "引导零部件企业集聚发展")["region_path"] == "广东省".split("/")
    assert first_hit(index, "按照销售合同金额给予一定比例奖励")["region_path"] == "广东省".split("/")


def test_a_paragraph_led_by_a_places_name_is_that_places(tmp_path):
    index = ingest_docs(tmp_path, {"guide.txt": GUIDE})
    assert first_hit(index, "重点招引车规芯片")["region_path"] == "江苏省/无锡市/新吴区".split("/")
