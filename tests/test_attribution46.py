"""Session 46's attribution rules, on documents in our own words, through the CLI (`docs -f jsonl`, `search -f jsonl`).

Types: an account of how an economy or an industry ran over a past period (`…工业经济运行情况分析`, `…产业运行情况`,
`…运行监测月报（2025年第6期）`, `1—10月份全市经济运行态势`) had no type, and one whose title ends on `…情况分析` had no
title either (a composed `2025年常州市…` took its place). It is typed 运行分析; a report on it to a congress (`关于…经济
运行情况的报告`) stays a 报告.

Years: a story's paragraph of one sentence that opens on its subject and next year, with no comma between
(`苏州工业园区明年将…`, `常州明年计划…`), or on a body's words (`新吴区提出，明年将…`), spoke for the story's year too
([2025, 2026] in a story dated 2025-12-29); like `明年，…`, it speaks for next year alone. A target's end
(`到明年底，…`), a paragraph that looks back first (`总体来看，…，明年…`) and a headline (`…明年看点`) keep both.

Tables: the rows under a header row that gives each column a year (`指标 | 2022年 | 2023年 | 2024年`) spoke for their
document's years (a report of February 2025: [2024, 2025]); they speak for the columns' years, and so does the table's
caption (`表1　…主要指标（2022—2024年）`), not the document's too. A header of targets (`2024年基数 | 2027年目标`), a
header naming no year, and the paragraph after the table keep what they had.

Places: `创新平台` held 新平, the short name of 新平彝族傣族自治县, so a joint plan's item `（一）共建协同创新平台。…` was
filed in 云南; 新平 is now read only after its city's name (玉溪新平), as 大新 is, and an autonomous county is found by
the name it is written with, its short name and 县 (新平县, 峨山县; 自治旗: 旗). A pair of provinces named together
(`川渝两省市`, `江浙沪`) is a group, as 成渝 and 长三角 are: the joint plan is 多地 (it was 不详).

A headline naming the place its subject links up with (`当好“融入南京”的排头兵`, `做好“接轨杭州”…`) filed an interview
with a county-level city's mayor under that place; the place after 接轨, 融入 or 对接 in a headline is a partner, and
the story is its subject's (the interview's line, `——访句容市市长…`). A headline naming its subject first (`苏州对接上海张江…`)
stays the subject's.

A speech titled with two places apart (`在苏州—铜仁…对接会上的讲话`) was 多地 whatever its speaker's line said; the line
(`苏州市人民政府副市长　某某`) decides, as over a group's title. In it, `碧江经济开发区依托苏州产业转移资源，…` is 碧江区's:
the speech's own place after the subject's mark (依托) is what the subject acts on, not a sign the paragraph is its own.

A year whose figure a goal builds on (`今年力争在去年营收52亿元的基础上增长20%`) is a comparison's base, as `比上年` and
`以2020年为基数` are: the passage speaks for the report's year alone.

A plan's `到2026年，…` paragraph speaks for 2026 alone in a 2024—2026 plan, but not when a last sentence only pointed to
the yearly table (`分年度目标见下表。`): that sentence goes on with nothing.

A paragraph opening on the years right before (`此前三年，…`, `前两年，…`) in a report on 2024 spoke for 2024; it speaks for
those years (2021–2023; 2022–2023), and for 2024 too when it goes on to speak of it (`…；本年度…`).

A span of years right after a run-in heading (`（二）强化人才支撑。2024—2025年，每年…`) in a review of a five-year plan was
read as no lead, and the passage spoke for the whole plan; it speaks for the span, as one year there already did.

A record measured since a period began (`实现了“十四五”以来的最好水平`, `创“十四五”以来新高`) compares and adds no years, as
`近五年来的最高水平` does: a 2025 report's review of 2024 stays 2024's.

A long zone name with its division in brackets after it (`在乌鲁木齐经济技术开发区（头屯河区），…`) opened on the zone
of the city: the lead was read 16 characters wide, cutting the bracket; it is read on to the bracket's end.

A headline naming the investors' home and the host (`浙江企业投资12亿元在赣州新建电子材料项目`) was 多地: the host's name
was read as opening a firm's name (`赣州|新建电子材料`); a firm's name opens on no verb of building (建设, 新建, 打造…).

A county report's paragraph whose sentences open on places elsewhere (`在苏州、无锡举办招商推介会…。宿迁经开区的配套企业到
我县设立分厂…`) was cut place by place, as a comparison of other places is; a clause in the text's own voice (`到我县`)
speaks of the text's place, so the paragraph stays whole and the county's.

`汽开区` alone, as 长春 writes its 汽车经济技术开发区, was no place, so a paragraph going zone by zone (`长春新区要…。汽开区要…。
公主岭市要…。`) was not cut; it is the zone, as `长春汽开区` was.

A park one place builds on another's land, named by both places with a dash (`昆山—沭阳工业园区`), was read as the two
places (the story went to the first, the builder); it is one name, the park's, in the second place. A dash between two
places with no park's word (`北京—天津两地`) is still two places, and the headline is 多地 (`天津两地共建集成电路` was read as
a firm's name opening on 天津: a firm's name holds no 共建, 两地, 三地, 携手 or 联手).

In a speech with no headings, a paragraph opening on the year before (`2024年，全州…`) opened a review that nothing closed:
every later paragraph, the closing wishes too, spoke for 2024. A paragraph turning to the audience, to now or to what
comes next (`各位企业家朋友，…`, `下一步，…`, `最后，…`) ends it in a speech (not in a work report, whose review turns to its
deputies too).

A plan issued by two bodies of places apart on one line (`浙江省对口支援…前方指挥部　阿坝藏族羌族自治州人民政府`) was the
first body's place; it is a joint text (多地), its parts each their place.

An agreement's term given by its first and last days (`本协议有效期自2025年3月1日至2029年2月28日`) was not read, and a target
year in it (`到2027年`) bounded the document's years; the term gives them (2025–2029).

A department's status report dated early in the year after the one it reports on speaks for both years; the top
headings of its review's layout (`一、基本情况`, `二、主要工作`) now speak for the year reported on, as `一、主要工作成效` does,
while `三、存在的问题` keeps both. A report on a period across two years (a monitoring period from July to June) is left as it
was.

A period whose goals a result met, told after them (`“十四五”规划主要目标任务全面完成` in a 2026 report's review of 2025),
added the whole period to a passage of one year; as `提前一年完成“十四五”规划目标` already did not, it adds none. Nor
does a period's plan named at its start or end (`以“十五五”规划开局为牵引`, `紧扣“十四五”规划收官目标`): this year.

In a zone's text, a lead naming a neighbour beside the zone by its own word rather than its name (`与新区一江之隔的芙蓉区，…`)
filed the paragraph under the neighbour; as with the name (`与鼓楼区隔江相望的仓山区…`), it is the city's. So is a zone
named after `紧邻我区的` in a district's report, which was the district's (since session 47 not when the paragraph goes on in
the district's own voice about the district alone, `…在我区设立…`: tests/test_attribution47.py).
"""

from __future__ import annotations

import pytest

from tests.conftest import WIDE_QUERY, documents_by_name, ingest_drawn, ingest_named_texts, passage_finder

HALF_YEAR = """2025年上半年常州市工业经济运行情况分析

常州市统计局
2025年7月20日

上半年，全市规模以上工业增加值同比增长7.2%，其中集成电路产业产值增长15%。

一、主要特点

（一）新兴产业增势较好。武进区半导体封测企业订单饱满。
"""

PROVINCE_YEAR = """2024年全省集成电路产业运行情况

浙江省经济和信息化厅

2024年，全省集成电路产业实现营业收入2100亿元，同比增长11%。杭州、宁波、绍兴三地合计占比超八成。
"""

QUARTER = """2025年一季度全区规上工业运行分析

南京市江北新区经济发展局
2025年4月15日

一季度，新区规上工业产值同比增长9.1%，芯片设计企业营收增长21%。
"""

MONTHLY = """无锡市半导体产业运行监测月报（2025年第6期）

无锡市工业和信息化局

6月，全市半导体产业运行平稳，新吴区重点企业产值环比增长3%。
"""

TEN_MONTHS = """1—10月份全市经济运行态势

合肥市统计局　2025年11月18日

1—10月份，全市经济运行总体平稳，集成电路产业增加值增长18%。
"""

TO_CONGRESS = """关于2025年1—9月全区经济运行情况的报告

苏州工业园区管理委员会

主任、各位副主任、各位委员：

1—9月，园区实现地区生产总值2800亿元，集成电路产业产值增长12%。
"""


NEXT_YEAR_NEWS = """苏锡常三市集成电路产业明年看点

来源：江南产业网2025-12-29

年终岁末，苏锡常三市相继召开经济工作会议，集成电路产业均被列为明年工作的重点。

【苏州】工业园区：设计和制造并进

苏州工业园区明年将推动两条12英寸特色工艺产线扩产，新建一个车规芯片检测平台。

今年，园区集成电路产业营收突破1500亿元，较去年增长14%。

【无锡】新吴区：封测再升级

新吴区提出，明年将引进先进封装项目6个以上，建设晶圆级封装中试线。

据了解，新吴区今年新增集成电路企业23家。

【常州】武进区：功率器件提速

常州明年计划开工8个功率半导体项目，武进区将重点承接上海企业的封测环节转移。

总体来看，三市分工日益清晰，明年苏锡常集成电路产业协同有望更进一步。

到明年底，三市将共建一个集成电路人才实训基地。
"""

JOINT_PLATFORM = """川渝两省市电子信息产业协同发展行动方案（2025—2027年）

一、重点任务

（一）共建协同创新平台。围绕功率器件和传感器联合开展攻关，三年内实施跨区域联合攻关项目30项以上。

（二）共享应用场景。两地互相开放汽车电子和智能终端应用场景。
"""

AUTONOMOUS_COUNTY = """玉溪市电子材料产业发展情况

玉溪市工业和信息化局　2025年5月

新平县依托有色金属资源，建设电子级铜箔项目，年内投产。

峨山县新建电子级多晶硅项目，计划明年投产。
"""

PARTNER_HEADLINE = """当好“融入南京”的排头兵
——访句容市市长王明

来源：镇江日报　2025-08-20

句容与南京江宁区接壤，近年来主动承接南京集成电路配套项目。

记者：今年句容在半导体材料方面有哪些进展？

王明：上半年，全市电子材料产业产值增长19%，新签约项目8个。
"""

SUBJECT_FIRST = """苏州对接上海张江 共建芯片设计协同区

来源：苏州日报　2025-05-10

苏州工业园区与上海张江签约，共建芯片设计协同区，首批12家企业入驻。
"""

VISITING_SPEECH = """在苏州—铜仁东西部协作产业对接会上的讲话
（2025年9月3日，铜仁）
苏州市人民政府副市长　李华

各位来宾，朋友们：

很高兴来到铜仁，参加苏州—铜仁东西部协作产业对接会。我代表苏州市委、市政府，向会议召开表示祝贺。

碧江经济开发区依托苏州产业转移资源，建设了电子元器件产业园，去年实现产值18亿元。

下一步，苏州将组织龙头企业到铜仁考察，力争今年新引进协作项目30个以上。
"""

GROUND = """2025年溧水区政府工作报告

二、2025年重点工作

（一）壮大半导体材料产业。今年力争在去年营收52亿元的基础上增长20%，新引进电子化学品项目5个。

（二）推进城市更新。在2024年改造老旧小区20个基础上，再改造25个。

（三）回顾去年，全区新增规上工业企业41家。
"""

POINTER = """襄阳市功率半导体产业三年行动方案（2024—2026年）

二、主要目标

到2026年，全市功率半导体产业营收突破300亿元，培育营收超十亿元企业4家。分年度目标见下表。

"""

PRIOR_YEARS = """萧山区2024年度半导体产业扶持资金使用情况报告

一、资金使用情况

2024年，扶持资金实际兑付1.8亿元，兑付率为93%。

此前三年，区财政累计安排半导体扶持资金4.2亿元，支持企业技术改造项目150个。

前两年，扶持资金分别兑付1.1亿元和1.4亿元；本年度兑付周期压缩至两个月。
"""

RUN_IN_SPAN = """芜湖市“十四五”半导体产业发展规划中期评估报告

芜湖市发展和改革委员会
2023年9月

一、规划实施总体情况

规划实施以来，全市半导体产业规模稳步扩大，多数指标进度符合预期。

二、下一阶段工作建议

（一）聚焦重点环节。2024年，重点推进功率器件三期等8个重大项目建设。

（二）强化人才支撑。2024—2025年，每年引进和培养半导体专业人才2000人以上。
"""

RECORD = """2025年高新区政府工作报告

一、2024年工作回顾

过去一年，全区经济稳中向好，工业增加值增长9.2%，实现了“十四五”以来的最好水平。

芯片设计产业营收增长27%，创“十四五”以来新高。

“十四五”以来，全区累计引进集成电路项目120个。
"""

LONG_ZONE = """新疆电子信息产业观察

2025-10-14　来源：新疆经济报

▍乌鲁木齐：算力先行
在乌鲁木齐经济技术开发区（头屯河区），一座新建的数据中心已经投入运行。
米东区则发展电子级湿化学品。

▍昌吉：材料延伸
昌吉高新区的多晶硅企业今年扩产两成。
"""

HOST_HEADLINE = """浙江企业投资12亿元在赣州新建电子材料项目
2025-03-18　来源：赣州日报

本报讯　3月17日，一家浙江电子材料企业投资的高纯靶材项目在赣州经开区开工，项目总投资12亿元。
"""

OWN_VOICE = """沭阳县2025年政府工作报告

一、2024年工作回顾

（三）承接产业转移成效明显。在苏州、无锡举办招商推介会3场，签约电子信息项目18个。宿迁经开区的配套企业到我县设立分厂2家，产业协作持续深化。
"""

CAR_ZONE = """长春市2025年政府工作报告

二、2025年重点工作

（二）推动开发区错位发展。长春新区要建设光电子产业园二期。汽开区要引进汽车芯片配套项目20个。公主岭市要承接汽车零部件产业转移。
"""

PAIRED_PARK = """昆山—沭阳工业园区：南北共建十年间

来源：宿迁日报　2025-06-03

位于沭阳县境内的昆山—沭阳工业园区今年新引进电子元器件项目12个，总投资38亿元。

园区由昆山负责招商和开发，沭阳负责社会事务。
"""

TWO_CITIES_DASH = """北京—天津两地共建集成电路人才实训基地

来源：京津冀产业观察　2025-04-10

北京—天津两地签署协议，共建集成电路人才实训基地，每年培训技术人员1000人次。
"""

SPEECH_REVIEW = """在黔东南—佛山产业协作推介会上的致辞
（2025年6月18日，佛山）
黔东南苗族侗族自治州人民政府副州长　杨某

尊敬的各位领导，各位企业家朋友：

大家上午好！很高兴与各位相聚佛山，共商协作发展大计。

2024年，全州规模以上工业增加值增长9.6%，电子元器件产业产值首次突破40亿元。

各位企业家朋友，黔东南生态优良、劳动力充足，电力价格在全国具有较强竞争力，欢迎产业落户。

下一步，我们将实施项目落地专班制度，力争今年新引进协作项目30个以上。

最后，预祝本次产业协作推介会取得圆满成功！
"""

JOINT_ISSUERS = """浙江·阿坝产业协作三年行动计划（2025—2027年）

浙江省对口支援四川省阿坝州工作前方指挥部　阿坝藏族羌族自治州人民政府
二〇二五年五月

为推动两地产业协作，制定本行动计划。

一、重点任务

汶川县重点建设浙江产业园，承接电子元器件组装项目。
"""

TERM_DAYS = """吴中区人民政府　泗阳县人民政府关于共建吴中—泗阳电子产业园的合作协议

第一条　园区位于泗阳县经济开发区，重点发展电子元器件配套产业。

第二条　到2027年，园区累计引进亿元以上项目20个。

第三条　本协议有效期自2025年3月1日至2029年2月28日。

二〇二五年三月一日
"""

STATUS_REPORT = """江阴市工业和信息化局关于2024年全市半导体材料产业发展情况和2025年工作安排的报告

市人民政府：

现将全市半导体材料产业发展情况报告如下。

一、基本情况

全市半导体材料企业达到46家，实现营业收入212亿元，同比增长12%。

二、主要工作

（一）推进重点项目建设。全年电子级硅片二期项目竣工投产，新开工亿元以上项目9个。

三、存在的问题

部分高端材料仍依赖进口，本地产业配套率不足三成。

四、下一步打算

力争引进半导体材料项目12个以上。

江阴市工业和信息化局
2025年2月18日
"""

GOALS_MET = """2026年余杭区政府工作报告

一、2025年和“十四五”时期工作回顾

过去一年，全区地区生产总值增长6.1%，“十四五”规划主要目标任务全面完成。

“十四五”时期，全区集成电路设计企业从120家增加到310家。

二、2026年重点工作

2026年，全区将以“十五五”规划开局为牵引，新引进集成电路项目20个。
"""

NEIGHBOUR_OWN_WORD = """湖南湘江新区2025年产业发展报告

一、产业发展情况

新区集成电路设计企业达到85家，营收增长19%。

与新区一江之隔的芙蓉区，依托金融服务优势，为新区芯片企业提供供应链金融服务。
"""

NEIGHBOUR_ZONE = """2025年江宁区政府工作报告

一、2024年工作回顾

紧邻我区的南京经济技术开发区集成电路产业营收持续增长，我区与其共建的联合孵化器入驻企业40家。
"""

THREE_BUREAUS = """三市集成电路产业协同发展合作协议

南京市工业和信息化局　镇江市工业和信息化局　扬州市工业和信息化局
二〇二五年七月

为发挥三市产业互补优势，经三方协商，达成如下合作协议。
"""

TWO_BODIES_ONE_DISTRICT = """无锡市新吴区科学技术局　无锡市新吴区财政局关于印发《新吴区芯片流片补助实施细则》的通知

各街道办事处，区各有关部门：

现将《新吴区芯片流片补助实施细则》印发给你们，请遵照执行。
"""

INTERVIEW_NEXT = """访吴江区工信局局长：半导体材料产业加速成势

来源：吴江日报　2025-03-20

记者：去年吴江的半导体材料产业表现如何？

王立新：去年全区半导体材料产业营收增长16%。

记者：下一步有什么打算？

王立新：明年园区将建成电子化学品中试平台。
"""

PROGRAMME = """滨江区2025年工作要点

（三）加强人才引育。实施“钱塘英才”计划，全年引进集成电路领域人才800名。
"""

NAMES = ["PROGRAMME", "INTERVIEW_NEXT", "THREE_BUREAUS", "TWO_BODIES_ONE_DISTRICT", "NEIGHBOUR_ZONE", "NEIGHBOUR_OWN_WORD", "GOALS_MET", "STATUS_REPORT", "TERM_DAYS", "JOINT_ISSUERS", "SPEECH_REVIEW", "PAIRED_PARK", "TWO_CITIES_DASH", "CAR_ZONE", "OWN_VOICE", "HOST_HEADLINE", "LONG_ZONE", "RECORD", "RUN_IN_SPAN", "PRIOR_YEARS", "POINTER", "GROUND", "VISITING_SPEECH", "PARTNER_HEADLINE", "SUBJECT_FIRST", "HALF_YEAR", "PROVINCE_YEAR", "QUARTER", "MONTHLY", "TEN_MONTHS", "TO_CONGRESS", "NEXT_YEAR_NEWS", "JOINT_PLATFORM",
         "AUTONOMOUS_COUNTY"]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return ingest_named_texts(tmp_path_factory, "attribution46", {name: globals()[name] for name in NAMES})


@pytest.fixture(scope="module")
def documents(index):
    return documents_by_name(index)


@pytest.fixture(scope="module")
def row(index):
    return passage_finder(index, WIDE_QUERY)


@pytest.mark.parametrize("name, doc_type, title, years", [
    ("HALF_YEAR", "运行分析", "2025年上半年常州市工业经济运行情况分析", [2025]),
    ("PROVINCE_YEAR", "运行分析", "2024年全省集成电路产业运行情况", [2024]),
    ("QUARTER", "运行分析", "2025年一季度全区规上工业运行分析", [2025]),
    ("MONTHLY", "运行分析", "无锡市半导体产业运行监测月报（2025年第6期）", [2025]),
    ("TEN_MONTHS", "运行分析", "1—10月份全市经济运行态势", [2025]),
    ("TO_CONGRESS", "报告", "关于2025年1—9月全区经济运行情况的报告", [2025]),
])
def test_an_account_of_how_an_economy_ran_is_typed_and_titled(documents, name, doc_type, title, years):
    doc = documents[name]
    assert (doc["doc_type"], doc["title"], doc["years"]) == (doc_type, title, years)


@pytest.mark.parametrize("start, years", [
    ("苏州工业园区明年将推动", [2026]),
    ("新吴区提出，明年将", [2026]),
    ("常州明年计划开工", [2026]),
    ("今年，园区集成电路", [2025]),
    ("据了解，新吴区今年", [2025]),
    ("总体来看，三市分工", [2025, 2026]),
    ("到明年底，三市", [2025, 2026]),
    ("苏锡常三市集成电路产业明年看点", [2025, 2026]),
])
def test_a_storys_sentence_on_what_its_subject_does_next_year_speaks_for_that_year(row, start, years):
    assert row("NEXT_YEAR_NEWS", start)["years"] == years


def _table_report(path):
    """A status report of February 2025 in .docx: a caption, a table of three year columns, a paragraph after it, a
    table of targets and a table with no year in its header."""
    import docx

    document = docx.Document()
    for text in ["泰州市工业和信息化局关于全市功率半导体产业发展情况的报告", "泰工信〔2025〕6号", "市人民政府：",
                 "现将全市功率半导体产业发展情况报告如下。", "一、发展现状", "表1　泰州市功率半导体产业主要指标（2022—2024年）"]:
        document.add_paragraph(text)

    def table(rows):
        grid = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell

    table([["指标", "2022年", "2023年", "2024年"], ["功率器件产值（亿元）", "52", "61", "73"], ["规上企业（家）", "19", "22", "26"]])
    document.add_paragraph("总的看，我市功率半导体产业规模持续扩大，但龙头企业偏少。")
    document.add_paragraph("二、下一步目标")
    table([["指标", "2024年基数", "2027年目标"], ["碳化硅模块产能（万只）", "40", "120"]])
    table([["企业", "所在地", "主要产品"], ["泰兴芯源电子", "泰兴市", "功率模块"]])
    document.add_paragraph("泰州市工业和信息化局")
    document.add_paragraph("2025年2月18日")
    document.save(str(path))


@pytest.fixture(scope="module")
def table_row(tmp_path_factory):
    index = ingest_drawn(tmp_path_factory.mktemp("tables46"), "TABLES.docx", _table_report)
    return passage_finder(str(index), "的 OR 是 OR 年 OR 市 OR 指标 OR 企业 OR 产能 OR 功率")


@pytest.mark.parametrize("start, years", [
    ("表1泰州市功率半导体产业主要指标", [2022, 2023, 2024]),
    ("指标 | 2022年", [2022, 2023, 2024]),
    ("功率器件产值", [2022, 2023, 2024]),
    ("规上企业（家）", [2022, 2023, 2024]),
    ("总的看，我市功率半导体", [2024, 2025]),
    ("碳化硅模块产能", [2024, 2025]),
    ("泰兴芯源电子", [2024, 2025]),
])
def test_the_rows_under_a_header_of_year_columns_speak_for_those_years(table_row, start, years):
    assert table_row("TABLES", start)["years"] == years


@pytest.mark.parametrize("name, start, place", [
    ("JOINT_PLATFORM", "（一）共建协同创新平台", "多地"),
    ("AUTONOMOUS_COUNTY", "新平县依托", "云南省/玉溪市/新平彝族傣族自治县"),
    ("AUTONOMOUS_COUNTY", "峨山县新建", "云南省/玉溪市/峨山彝族自治县"),
])
def test_a_county_is_found_by_the_name_it_is_written_with_and_not_inside_a_word(row, name, start, place):
    assert "/".join(row(name, start)["region_path"]) == place


@pytest.mark.parametrize("name, place", [("PARTNER_HEADLINE", ["江苏省", "镇江市", "句容市"]), ("SUBJECT_FIRST", ["江苏省", "苏州市"])])
def test_a_place_a_headline_names_as_its_subjects_partner_is_not_the_subject(documents, row, name, place):
    assert documents[name]["region_path"] == place
    if name == "PARTNER_HEADLINE":
        assert row(name, "王明：上半年")["region_path"] == place


@pytest.mark.parametrize("start, place", [
    ("很高兴来到铜仁", "江苏省/苏州市"),
    ("碧江经济开发区依托苏州", "贵州省/铜仁市/碧江区"),
    ("下一步，苏州将组织", "江苏省/苏州市"),
])
def test_a_visiting_officials_speech_is_the_speakers_and_a_host_zone_acting_is_the_hosts(documents, row, start, place):
    assert documents["VISITING_SPEECH"]["region_path"] == ["江苏省", "苏州市"]
    assert "/".join(row("VISITING_SPEECH", start)["region_path"]) == place


@pytest.mark.parametrize("start, years", [("（一）壮大半导体材料产业", [2025]), ("（二）推进城市更新", [2025])])
def test_a_year_a_goal_builds_on_is_a_base_not_a_year_spoken_for(row, start, years):
    assert row("GROUND", start)["years"] == years


def test_a_sentence_pointing_to_the_yearly_table_leaves_a_plans_target_paragraph_one_sentence(row):
    assert row("POINTER", "到2026年，全市功率半导体")["years"] == [2026]


@pytest.mark.parametrize("start, years", [("此前三年，区财政", [2021, 2022, 2023]), ("前两年，扶持资金", [2022, 2023, 2024]),
                                          ("2024年，扶持资金", [2024])])
def test_a_paragraph_opening_on_the_years_before_speaks_for_them(row, start, years):
    assert row("PRIOR_YEARS", start)["years"] == years


@pytest.mark.parametrize("start, years", [("（一）聚焦重点环节", [2024]), ("（二）强化人才支撑", [2024, 2025])])
def test_a_span_right_after_a_run_in_heading_is_the_paragraphs_lead(row, start, years):
    assert row("RUN_IN_SPAN", start)["years"] == years


@pytest.mark.parametrize("start, years", [("过去一年，全区经济", [2024]), ("芯片设计产业营收增长27%", [2024]),
                                          ("“十四五”以来，全区累计", [2021, 2022, 2023, 2024, 2025])])
def test_a_record_since_a_period_began_adds_no_years(row, start, years):
    assert row("RECORD", start)["years"] == years


def test_a_long_zones_division_in_brackets_is_read(row):
    assert row("LONG_ZONE", "在乌鲁木齐经济技术开发区")["region_path"] == ["新疆维吾尔自治区", "乌鲁木齐市", "头屯河区"]


def test_a_headline_naming_the_investors_home_and_the_host_is_the_hosts(documents):
    assert documents["HOST_HEADLINE"]["region_path"] == ["江西省", "赣州市"]


def test_a_paragraph_on_places_elsewhere_in_the_texts_own_voice_stays_whole_and_its_own(row):
    found = row("OWN_VOICE", "（三）承接产业转移")
    assert found["region_path"] == ["江苏省", "宿迁市", "沭阳县"] and "到我县设立分厂" in found["text"]


@pytest.mark.parametrize("start, place, zone", [("长春新区要建设", "吉林省/长春市", "长春新区"),
                                                ("汽开区要引进", "吉林省/长春市", "长春汽车经济技术开发区"),
                                                ("公主岭市要承接", "吉林省/长春市/公主岭市", "")])
def test_a_paragraph_going_zone_by_zone_with_the_bare_car_zone_is_cut(row, start, place, zone):
    found = row("CAR_ZONE", start)
    assert ("/".join(found["region_path"]), found["zone"]) == (place, zone) and found["text"].startswith(start)


@pytest.mark.parametrize("name, place", [("PAIRED_PARK", ["江苏省", "宿迁市", "沭阳县"]), ("TWO_CITIES_DASH", ["多地"])])
def test_a_park_named_by_two_places_with_a_dash_lies_in_the_second(documents, row, name, place):
    assert documents[name]["region_path"] == place
    if name == "PAIRED_PARK":
        assert row(name, "位于沭阳县境内")["region_path"] == place


@pytest.mark.parametrize("start, years", [("2024年，全州规模以上", [2024]), ("各位企业家朋友，黔东南", [2025]),
                                          ("下一步，我们将", [2025]), ("最后，预祝", [2025])])
def test_a_speech_turning_to_its_audience_or_to_what_comes_next_ends_its_review(row, start, years):
    assert row("SPEECH_REVIEW", start)["years"] == years


def test_a_plan_of_two_bodies_of_places_apart_is_joint(documents, row):
    assert documents["JOINT_ISSUERS"]["region_path"] == ["多地"]
    assert row("JOINT_ISSUERS", "汶川县重点建设")["region_path"] == ["四川省", "阿坝藏族羌族自治州", "汶川县"]


def test_an_agreements_term_by_its_first_and_last_days_gives_its_years(documents):
    assert documents["TERM_DAYS"]["years"] == [2025, 2026, 2027, 2028, 2029]


# (since session 60 its problems too: a title of one year's state and the next year's plan, …发展情况和2025年工作安排,
# reads as a look back and a look ahead, whose state headings before the turn ahead speak for the first year)
@pytest.mark.parametrize("start, years", [("全市半导体材料企业达到", [2024]), ("（一）推进重点项目建设", [2024]),
                                          ("部分高端材料仍依赖进口", [2024])])
def test_a_status_reports_review_headings_speak_for_the_year_reported_on(documents, row, start, years):
    assert documents["STATUS_REPORT"]["years"] == [2024, 2025]
    assert row("STATUS_REPORT", start)["years"] == years


@pytest.mark.parametrize("start, years", [("过去一年，全区地区生产总值", [2025]),
                                          ("“十四五”时期，全区集成电路", [2021, 2022, 2023, 2024, 2025]),
                                          ("2026年，全区将以", [2026])])
def test_a_period_whose_goals_were_met_adds_no_years(row, start, years):
    assert row("GOALS_MET", start)["years"] == years


def test_a_neighbour_named_beside_the_zones_own_word_is_the_citys(row):
    found = row("NEIGHBOUR_OWN_WORD", "与新区一江之隔的芙蓉区")
    assert (found["region_path"], found["zone"]) == (["湖南省", "长沙市"], "")


def test_a_zone_named_as_the_districts_neighbour_is_the_citys(row):
    found = row("NEIGHBOUR_ZONE", "紧邻我区的")
    assert (found["region_path"], found["zone"]) == (["江苏省", "南京市"], "")


@pytest.mark.parametrize("name, place", [("THREE_BUREAUS", ["江苏省"]), ("TWO_BODIES_ONE_DISTRICT", ["江苏省", "无锡市", "新吴区"])])
def test_bodies_of_one_provinces_cities_speak_for_the_province(documents, name, place):
    assert documents[name]["region_path"] == place


def test_an_interview_answer_opening_on_next_year_speaks_for_it(row):
    assert row("INTERVIEW_NEXT", "王立新：明年园区")["years"] == [2026]


def test_a_programme_named_after_a_place_in_quotes_is_no_place(row):
    assert row("PROGRAMME", "（三）加强人才引育")["region_path"] == ["浙江省", "杭州市", "滨江区"]
