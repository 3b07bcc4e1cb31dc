"""A text that names no place, or no year, takes them from the folders it is filed in (session 27).

Analysts file what they download by place and year (`苏州市/2025年政府工作报告.pdf`, `浙江/通知/关于….docx`,
`2023年/通知.txt`).  A city's work report that says only 全市 and 我市, with no place in its text, its title or
its file name, was 不详; a notice that names neither place nor year was 全国 with no year.  Now the folders the
file lies in (the nearest two, models.folders_of; inside a zip, its folders and then the zip's own name) are the
last fallback, after the file name, the page's site and the source line.  A text that names its own place or year
keeps it, whatever its folder says.

Through the CLI, on documents written for this test in our own words."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from icpolicy.models import folders_of

from .fixture_cli import doc, hit

_CITY_REPORT = ("2024年政府工作报告\n\n各位代表：\n\n过去一年，全市集成电路产业营收增长百分之十一，两条封测产线建成投产。\n\n"
                "今年，我市将围绕功率半导体延链补链，推动车规级芯片验证平台投入运营。\n")
_NOTICE = "关于组织申报芯片设计首轮流片补贴的通知\n\n各有关单位：\n\n对首次完成流片的设计企业，按流片费用的三成给予补贴。\n"
_NAMED = "合肥市人民政府关于促进显示面板产业链协同的意见\n\n一、鼓励面板企业与驱动芯片企业联合攻关。\n"


def _write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    root = tmp_path_factory.mktemp("filed") / "下载"
    _write(root / "长沙市" / "2024年政府工作报告.txt", _CITY_REPORT)
    _write(root / "浙江" / "通知" / "关于组织申报的通知.txt", _NOTICE)
    _write(root / "江苏" / "意见.txt", _NAMED)
    _write(root / "2023年" / "流片补贴.txt", _NOTICE.replace("首轮流片", "多项目晶圆"))
    with zipfile.ZipFile(root / "宁波.zip", "w") as archive:
        archive.writestr("周报/简报.txt", _NOTICE.replace("首轮流片", "设计工具"))
        archive.writestr("无锡市/方案.txt", _NOTICE.replace("首轮流片", "车规芯片"))
    folder = root.parent / "index"
    result = subprocess.run([sys.executable, "-m", "icpolicy", "ingest", str(root), "--index", str(folder), "-j", "1"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return folder


def test_a_report_naming_no_place_is_its_folders_city(index):
    assert doc(index, "长沙市/2024年政府工作报告.txt")["region_path"] == ["湖南省", "长沙市"]
    assert hit(index, "车规级芯片验证平台")["region_path"] == ["湖南省", "长沙市"]
    assert hit(index, "车规级芯片验证平台")["years"] == [2024]


def test_the_nearest_folder_naming_a_place_counts(index):
    assert doc(index, "浙江/通知/关于组织申报的通知.txt")["region_path"] == ["浙江省"]


def test_a_text_naming_its_own_place_keeps_it(index):
    assert doc(index, "江苏/意见.txt")["region_path"] == ["安徽省", "合肥市"]


def test_a_text_naming_no_year_takes_its_folders(index):
    assert doc(index, "2023年/流片补贴.txt")["years"] == [2023]
    assert doc(index, "浙江/通知/关于组织申报的通知.txt")["years"] == []


def test_inside_a_zip_its_folders_then_the_zip(index):
    assert doc(index, "宁波.zip!无锡市/方案.txt")["region_path"] == ["江苏省", "无锡市"]
    assert doc(index, "宁波.zip!周报/简报.txt")["region_path"] == ["浙江省", "宁波市"]


def test_folders_of():
    assert folders_of("/data/苏州市/2025.txt") == ("苏州市", "data")
    assert folders_of("/a.txt") == ()
    assert folders_of("/data/苏州.zip!报告/a.txt") == ("报告", "苏州")
    assert folders_of("/data/苏州.ZIP!a.txt", depth=3) == ("苏州", "data")
    assert folders_of("/x/外.zip!内.zip!甲/a.txt", depth=4) == ("甲", "内", "外", "x")
