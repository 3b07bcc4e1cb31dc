"""Session 47's attribution rules, on documents in our own words, through the CLI (`docs -f jsonl`, `search -f jsonl`).

Places: a round-up's short sentence turning to the next place (`先说成都。`, `接着说合肥。`, `最后聊聊宁波。`) opened no
section when the paragraph went on to name a place in another province or a national body, and the paragraph stayed in the
section before (`**贵阳**——…`), unless another paragraph turned the same way (a parallel lead). It is a marked lead, as
`第一站：合肥。` is.

Years: a passage of one sentence opening on the next two years in words (`明后年，我们计划…`, `明后两年，…`) in a 2025 interview
spoke for 2025 too (明后年 was not read at all); like `明年，…`, it speaks for those years alone. A passage naming them later
in a sentence (`…，明后两年还将…`) keeps the interview's year as well.

Titles: a headline's two halves set apart by an ideographic space (`…成绩单　功率半导体成…`), and the bodies of a joint
text's issuer line (`国家发展改革委　工业和信息化部关于…`), were run together in the title and the passage; they keep one
space (a letter-spaced `关　于　印　发` is still read as one word).

Places: the issuer's line is the text's place. A joint agreement's header of two bodies (`苏州市吴江区人民政府　宿迁市沭阳县
人民政府`, run together) opened the first body's section, and every clause of the agreement was filed there; a reply's
signature (`江苏省人民政府`) stayed in the part on the city it answers.

Years: a dated story whose headline aims at a year (`…三年攻坚方案出台 到2028年规模力争突破千亿元`, dated 2025) was dated by
that year: every passage without a year of its own spoke for 2028. A target year never dates a story; it is the story's year,
and the headline and the target's passage run from it to the target.

A notice extending a policy's term (`关于延长《…若干措施》有效期的通知`: `有效期延长至2028年12月31日`, `本通知自2027年1月1日起施行`)
took the term it extends (`自2024年1月1日起施行，有效期至2026年12月31日`) as its own years; it speaks for the extension,
from the day it takes effect (else the year it was signed) to the new end.

Cleaning: a PDF line that stops on a number whose unit opens the next line (`…10个以上；2026` / `年，建成…`, `人数142` / `万人`)
was two paragraphs, the second opening on `年，`; no paragraph opens on a unit right after a number, in any layout.

Places: a person's given name that is a district's short name (`管委会主任刘建华`: 建华区 of 齐齐哈尔; `记者陈秀英`: 秀英区 of 海口)
was read as that place, so an interview titled with its official's name became a round-up of 多地; after an office or a
byline and a common surname it is a name. `临港` opening a compound (`临港先进制造业高地`, `临港石化`) is a port-side
industry, not 上海's 临港, as `临港产业` already was.

A story titled by a route (`从漕河泾到海宁：一家封测企业的“跨省迁厂”`) was filed under its origin, and so was every passage;
it is the destination's story: the place after 从 or 由 and right before 到, 至, 迁至… and another place is an origin.

A park a headline names by two places with its host first (`嘉定—温州科技园…`: 温州 builds nothing here; the text says
`园区位于上海市嘉定区`) went to the second place, as a builder—host name (`昆山—沭阳工业园区`) rightly does; and a park named
by no known place (`沪通合作芯片产业园二期开工`) went to the first partner its opening listed (`由上海市宝山区和南通市海门区
合作共建的…在海门经济技术开发区开工`). The opening's statement of where the park lies (`园区位于…`, `…园…在X开工`) decides,
for such headlines only.

Two provinces named together by their one-character abbreviations (`闽赣携手…`, `京蒙协作`, `粤桂合作`) are a group, as 川渝
is: the story is 多地 (it went to the venue or the first city). Provinces' literary names (`八闽大地上，`, `赣鄱`, `燕赵`,
`三晋`) name the province, and a city's epithet written before it (`榕城福州`: 榕城 is also 揭阳's district; `上党长治`,
`鹿城包头`) is the city, not a second place.

A plant story's paragraph opening on the firm's site elsewhere (`在上海闵行的研发中心，公司…`, in a 常州 story) stayed the
story's place; a place then 的 and a site's word (研发中心, 总部, 工厂, 实验室…) and a comma is that place's subject, as
`万山区的苏铜电子产业园…` is.

A lead naming the text's own place as a neighbour (`与吴江区一湖之隔的嘉善县，…` in a 吴江区 report) filed the paragraph under
the text's city, as a neighbour inside the city rightly is; a neighbour past the city's line is the neighbour's subject
(`与芜湖相邻的马鞍山市则…` in the README), unless the paragraph goes on in the text's own voice (`…，我区将主动对接`). A
neighbour inside the city beside the text's own place (`紧邻我区的…`, `吴中区、相城区等周边板块…`) was the city's even when the
paragraph went on in the text's own voice (`…在我区设立生产基地`, `我区将…`), against the README's own example; it is the text's,
unless what it says in that voice is what the two share or do together (`与我区形成互补`, `两区共建的…`): then the city's.

Documents: the issuer a markdown file's front matter states (`发文机关: 青浦区人民政府`) gave way to a line read from the text (a
sub-heading, `（一）共建水乡客厅`); the author's own statement is the issuer, as a stated region and years already were.

A labelled field's value ran on into the next label on its line (`发布机构：常州市科学技术局　发布日期：2025-04-02`: the issuer
was `常州市科学技术局 发布日期：2025-04-02`); it ends where the next label begins.

A headline with an exclamation inside (`常州“芯”成绩单出炉！功率器件营收增长两成`) was titled by its first sentence alone; a
short first line ending on no full stop is the headline whole.

An issuing body whose name holds Latin letters or digits (`G60科创走廊联席会议办公室` under a plan's title) was no body: the
issuer was empty.

A feature on a town no gazetteer knows (`塘厦镇：从…到…`) went to the first place its opening named (a neighbour, 深圳); the
opening's `塘厦镇地处东莞东南部` says where it lies, as a park's `园区位于…` does.

A story's `以嘉兴为例，平湖市经济技术开发区…` opened 嘉兴 and stayed there, while `目光转向武汉，东湖高新区…` opened the inner place; after
`为例，` the place inside the example's is the passage's too.

A route's end that is a city's short name also a word (`从苏州到吉安：…`: 吉安) was not read, so the story was the origin's; an
epithet before a name both a province's and a city's (`江城吉林：…`) is the city; a county's two-character name before 域
(`做成县域“拳头产业”`: 成县) is the word 县域, and an interview titled so went to 多地.

A town's feature whose opening places it twice, an aside first (`这座位于溧阳市南部的工业重镇`) and then its city (`…镇地处常州市
西南`), took the city; the most precise of the statements that agree is the town's place.

A one-year text's paragraph of several sentences opening on the year before in figures (`2024年，全市…营收2416亿元…。其中，…。`
in a 2025 white paper) spoke for both years; like one opening on `去年，`, it speaks for that year alone when it names no
other year and sets no goal (`…，今年力争…` keeps both).

Tables: the rows under a caption naming one year (`表3　2025年分区县集成电路产业营业收入`) in a text of several years spoke for
the text's years, and the caption too: a caption's years were not read after a number label and a space (`表3 2025年` read
as `表32025年`). The caption and its rows speak for its years when no header row gives the columns theirs.

A document cited as a ground with its number or edition in brackets (`根据《…》（常政发〔2024〕3号）和2023年出台的《…》`,
`根据《…办法》（2022年修订）有关规定`) lent its years to the citing passage, and so did the one a text carries on (`是对2021年
出台的《…（2021—2023年）》的延续`): the bracket is part of the citation, and the carried-on text a former one.
"""

from __future__ import annotations

import pytest

from tests.conftest import ingest_drawn, jsonl, make_docx, make_pdf, passage_finder

TURNS = """西南四城报告中的芯片任务

2025-02-21　来源：西南经济观察

今年初，西南各省会城市陆续公布2025年政府工作报告。记者比较了昆明、贵阳、成都、重庆四地报告中的集成电路内容。

【昆明】昆明提出建设光电子器件产业园，年内新引进封测项目八个。

**贵阳**——贵阳把“数据中心+芯片”写进报告，提出建设服务器芯片适配验证中心。

先说成都。这份报告提出，要争创国家级集成电路产业集群，推动功率器件和射频芯片量产。

再看重庆，重庆的报告提出，要对标国家先进制造业集群，推进12英寸功率半导体产线达产。

四地报告的共同点，是都把芯片与本地的整机优势结合起来。
"""

NEXT_TWO = """专访：芯片产业园的下一步

来源：西南经济观察　2025-06-18

问：园区今年的重点是什么？

园区主任：今年我们要让两条封测产线满产，集成电路产值力争增长两成。

明后年，我们计划建成国家级集成电路创新平台2个，形成完整的本地产业链。

明后两年，园区还将新建人才公寓三千套。

今年园区新签项目十二个，明后两年还将陆续开工。
"""

HALVES = """南通三地晒出“芯”成绩单　封装测试成共同关键词

2025-02-10　来源：江海产业观察

记者梳理了南通市、海门区、启东市的政府工作报告，集成电路均被列为重点产业。
"""

AGREEMENT = """苏州市吴江区人民政府　宿迁市沭阳县人民政府
关于共建吴江—沭阳电子信息产业园的合作协议

为推动苏南产业向苏北有序转移，甲乙双方本着优势互补、互利共赢的原则，就共建产业园达成如下协议。

第一条　园区定位

园区重点发展半导体封装测试配套和电子元器件产业。

第二条　协议期限

本协议有效期自2026年1月1日至2030年12月31日。

甲方：苏州市吴江区人民政府　　乙方：宿迁市沭阳县人民政府

二〇二六年一月八日
"""

REPLY = """江苏省人民政府关于无锡市集成电路产业发展规划的批复

苏政复〔2025〕12号

无锡市人民政府：

你市《关于报请审批无锡市集成电路产业发展规划（2025—2030年）的请示》收悉。现批复如下：

一、原则同意《无锡市集成电路产业发展规划（2025—2030年）》。

二、无锡市要加强组织领导，推动新吴区、江阴市集成电路产业集聚发展。

江苏省人民政府

2025年5月20日
"""

LETTER_SPACED = """关　于　印　发　常州市芯片产业若干政策的通知

常州市人民政府

各辖市、区人民政府：现将《常州市芯片产业若干政策》印发给你们，请认真贯彻执行。
"""

AIMED = """常州功率半导体三年攻坚方案出台 到2028年规模力争突破千亿元

来源：常州日报　2025-04-09 08:10

本报讯　记者从常州市工业和信息化局获悉，《常州市功率半导体产业三年攻坚方案》近日印发。

方案提出，到2028年，全市功率半导体产业规模力争突破1000亿元，培育营收超50亿元企业3家。

武进区将重点建设车规级功率器件封测基地。

业内人士认为，常州的整机配套优势为功率半导体提供了市场。
"""

EXTENDED = """常州市人民政府办公室关于延长《常州市支持功率半导体产业发展若干措施》有效期的通知

常政办发〔2026〕51号

各辖市、区人民政府，市各委办局：

《常州市支持功率半导体产业发展若干措施》（常政办发〔2024〕2号）自2024年1月1日起施行，有效期至2026年12月31日。经评估，现决定延长其有效期。

一、《若干措施》有效期延长至2028年12月31日，支持标准保持不变。

二、武进区要用好延期政策，加快车规级功率器件项目建设。

三、本通知自2027年1月1日起施行。

常州市人民政府办公室
2026年12月20日
"""

EXTENDED_UNDATED_START = """关于延长芯片设计企业流片补助政策有效期的通知

苏州市工业和信息化局
2025年6月3日

各区工业和信息化部门：

经研究，芯片设计企业流片补助政策有效期延长至2027年12月31日，请各区继续做好申报受理工作。
"""

NAMED_LIKE_PLACES = """专访苏州工业园区管委会主任刘建华：打造临港先进制造业和芯片设计高地

2025-10-12　来源：姑苏产业观察　记者陈秀英

记者：今年园区集成电路产业发展如何？

刘建华：今年前三季度，园区集成电路产业营收增长14%，设计企业新增36家。

记者：园区下一步有什么打算？

刘建华：我们将建设芯片设计公共服务平台，推动临港石化和电子化学品配套产业与晶圆厂对接。
"""

ROUTE = """从漕河泾到海宁：一家封测企业的“跨省迁厂”

来源：嘉兴日报　2025-09-18

今年5月，在上海闵行成立十年的一家封测企业，把产线整体迁到了海宁经济开发区。

海宁市经信局介绍，今年以来，全市已承接上海转移的集成电路项目12个。
"""

HOST_FIRST = """嘉定—温州科技园上半年新增芯片企业21家

发布时间：2025-07-20　来源：园区管委会

园区位于上海市嘉定区，由温州市与嘉定区合作共建，日常运营由双方组建的公司负责。

今年上半年，园区新增集成电路企业21家，其中来自温州的企业9家。
"""

NO_KNOWN_PLACE = """沪通合作芯片产业园二期开工

来源：南通日报　2025-10-09

本报讯　10月8日，由上海市宝山区和南通市海门区合作共建的沪通芯片产业园二期项目在海门经济技术开发区开工。

二期总投资30亿元，规划建设封测厂房12万平方米。
"""

ONE_PLACE_PARK = """雄安新区芯片设计产业园迎来首批企业

来源：河北日报　2025-03-02

产业园位于雄县境内，首批12家芯片设计企业日前入驻。
"""

ABBREVIATED = """闽赣携手共建芯片材料产业走廊

来源：海峡产业观察　2024-10-15

10月14日，闽赣两省电子材料产业合作对接会在南昌举行，两省共签约项目22个。

八闽大地上，福建省今年新开工电子材料项目31个，集成电路产业营收增长12%。

榕城福州已形成从高纯材料到封装测试的配套体系，今年引进芯片材料企业15家。

赣鄱大地上，江西省今年新增电子材料规上企业40家。

据了解，两省电子材料产业规模合计约900亿元。
"""

SITE_ELSEWHERE = """芯源科技功率芯片封测基地在常州武进投产

来源：常州日报　2025-06-11

6月10日，芯源科技功率芯片封测基地在武进国家高新区投产，一期年封测能力达到12亿颗。

在上海闵行的研发中心，公司目前有研发人员300余人，累计取得发明专利90余项。

武进区有关负责人表示，将为企业提供用地和人才保障。
"""

NEIGHBOUR_ACROSS = """苏州市吴江区2026年工作要点

吴江区人民政府

一、推动产业协同

与吴江区一湖之隔的嘉善县，已集聚半导体设备配套企业30余家。

与吴江区隔河相望的青浦区正在建设集成电路设计园，我区将主动对接其设计企业的制造需求。

与吴江区相邻的吴中区，今年新增功率器件企业12家。

紧邻我区的吴中经济技术开发区产业外溢明显，去年以来已有十余家企业在我区设立生产基地。

吴中区、相城区等周边板块都在布局汽车电子，我区将错位发展功率器件。

与吴江区相邻的相城区在车规芯片领域与我区形成互补，两区共建的配套园区已入驻企业20家。
"""

LABELLED = """《常州市支持芯片设计企业发展若干措施》政策解读

发布机构：常州市科学技术局　发布日期：2025-04-02

近日，市政府印发《常州市支持芯片设计企业发展若干措施》，现就有关内容解读如下。
"""

EXCLAIMED = """常州“芯”成绩单出炉！功率器件营收增长两成

来源：常州市工业和信息化局　发布时间：2026-01-15 09:00

近日，常州市工业和信息化局发布全市集成电路产业运行情况，功率器件营收增长两成。
"""

LATIN_BODY = """长三角G60科创走廊功率半导体协同发展行动方案（2025—2027年）

G60科创走廊联席会议办公室

为推动走廊沿线城市功率半导体产业协同发展，制定本方案。
"""

TOWN = """塘厦镇：从“服装重镇”到电子元器件新城

来源：东莞观察　2025-08-02

清晨，塘厦镇一家被动元件工厂里，产线已经满负荷运转。这家工厂前年才从深圳迁来。

塘厦镇地处东莞东南部，与深圳龙岗区接壤，过去以服装加工闻名。

镇党委负责人介绍，近年来全镇累计引进电子元器件项目30个。
"""

EXAMPLE = """沪企加速落子苏浙 长三角芯片项目密集开工

来源：长三角观察　2024-11-08

记者从沪苏浙三地工业和信息化部门获悉，今年以来，一批上海集成电路企业的制造环节向苏浙转移落地。

在江苏，今年新签约上海集成电路项目31个。

以嘉兴为例，平湖市经济技术开发区今年引进上海芯片封测配套企业8家。

业内人士认为，三地在集成电路领域互补性强。
"""

ROUTE_TO_WORD_CITY = """从苏州到吉安：一家电子元件企业的“西进”之路

来源：井冈山报　2025-10-20

吉安经开区的这家企业去年从苏州迁来，今年产值有望突破十亿元。
"""

EPITHET_OF_A_CITY = """江城吉林：化工新材料“织”出芯片配套新赛道

来源：江城日报　2024-06-12

吉林市今年新引进电子化学品项目6个。
"""

COUNTY_WORD = """专访睢宁县县长：把电子材料做成县域“拳头产业”

来源：新华日报　2025-04-03

记者：今年县里有哪些打算？

县长：今年我们计划新引进电子材料项目十个。
"""

TOWN_ASIDE = """社渚镇的“芯”路：一个工业镇的转身

来源：常州日报　2025-06-20

六月的社渚镇，厂房里机器不停。这座位于溧阳市南部的工业重镇，正在转向电子材料。

社渚镇地处常州市西南，全镇规模以上工业企业超过一百家。
"""

WHITE_PAPER = """常州市集成电路产业发展白皮书（2025）

常州市工业和信息化局
二〇二五年六月

一、产业发展总体情况

2024年，全市集成电路产业实现营业收入812亿元，同比增长11%。其中，封装测试业营收398亿元。

2024年，全市新增功率器件企业36家。今年，全市力争新增企业40家。
"""

CITED = """常州市集成电路产业发展若干政策实施细则（2025—2027年）

常州市工业和信息化局

第一条　根据《常州市人民政府关于印发加快集成电路产业发展若干政策的通知》（常政发〔2024〕3号）和2023年出台的《江苏省关于推动集成电路产业高质量发展的实施意见》，制定本细则。
"""

CITED_EDITION = """关于认定2024年度常州市集成电路设计企业的通知

常州市工业和信息化局
2024年11月20日

根据《常州市集成电路设计企业认定管理办法》（2022年修订）有关规定，认定常州芯源微电子有限公司等32家企业为2024年度集成电路设计企业。
"""

CARRIED_ON = """《常州市支持集成电路产业发展若干措施》政策解读

常州市工业和信息化局　2025年3月2日

问：《若干措施》与此前政策是什么关系？

答：《若干措施》是对2021年出台的《常州市集成电路产业发展三年行动计划（2021—2023年）》的延续和升级，提高了流片补助标准。
"""

NAMES = ["CITED", "CITED_EDITION", "CARRIED_ON", "WHITE_PAPER", "TOWN_ASIDE", "ROUTE_TO_WORD_CITY", "EPITHET_OF_A_CITY", "COUNTY_WORD", "EXAMPLE", "TOWN", "LATIN_BODY", "EXCLAIMED", "LABELLED", "NEIGHBOUR_ACROSS", "SITE_ELSEWHERE", "ABBREVIATED", "HOST_FIRST", "NO_KNOWN_PLACE", "ONE_PLACE_PARK", "ROUTE", "NAMED_LIKE_PLACES", "EXTENDED", "EXTENDED_UNDATED_START", "AIMED", "TURNS", "NEXT_TWO", "HALVES", "AGREEMENT", "REPLY", "LETTER_SPACED"]


@pytest.mark.parametrize("start, region", [
    ("【昆明】", ["云南省", "昆明市"]),
    ("**贵阳**", ["贵州省", "贵阳市"]),
    ("先说成都。", ["四川省", "成都市"]),
    ("再看重庆", ["重庆市"]),
    ("四地报告的共同点", ["多地"]),
])
def test_a_round_ups_sentence_turning_to_the_next_place_opens_its_section(texts_row, start, region):
    assert texts_row("TURNS", start)["region_path"] == region


@pytest.mark.parametrize("start, years", [
    ("园区主任：今年", [2025]),
    ("明后年，", [2026, 2027]),
    ("明后两年，", [2026, 2027]),
    ("今年园区新签", [2025, 2026, 2027]),
])
def test_a_passage_opening_on_the_next_two_years_speaks_for_them(texts_row, start, years):
    assert texts_row("NEXT_TWO", start)["years"] == years


@pytest.mark.parametrize("name, title", [
    ("HALVES", "南通三地晒出“芯”成绩单 封装测试成共同关键词"),
    ("AGREEMENT", "苏州市吴江区人民政府 宿迁市沭阳县人民政府关于共建吴江—沭阳电子信息产业园的合作协议"),
    ("LETTER_SPACED", "关于印发常州市芯片产业若干政策的通知"),
])
def test_a_headlines_halves_and_a_joint_issuers_bodies_keep_a_space(texts_documents, name, title):
    assert texts_documents[name]["title"] == title


def test_a_headline_with_a_space_is_found_by_its_words_run_together(texts_index):
    hits = jsonl("search", '"成绩单封装测试"', "--index", texts_index)
    assert [h["text"] for h in hits] == ["南通三地晒出“芯”成绩单 封装测试成共同关键词"]


@pytest.mark.parametrize("name, start, region", [
    ("AGREEMENT", "为推动苏南产业", ["江苏省"]),
    ("AGREEMENT", "本协议有效期", ["江苏省"]),
    ("AGREEMENT", "甲方：", ["江苏省"]),
    ("REPLY", "二、无锡市要", ["江苏省", "无锡市"]),
])
def test_the_issuers_line_is_the_texts_place(texts_row, name, start, region):
    assert texts_row(name, start)["region_path"] == region


def test_a_replys_signature_is_the_issuers_place(texts_index):
    lines = [h for h in jsonl("search", '"江苏省人民政府"', "--index", texts_index, "--all") if h["text"] == "江苏省人民政府"]
    assert [h["region_path"] for h in lines] == [["江苏省"]]


@pytest.mark.parametrize("start, years", [
    ("常州功率半导体三年攻坚方案出台", [2025, 2026, 2027, 2028]),
    ("本报讯", [2025]),
    ("方案提出，到2028年", [2025, 2026, 2027, 2028]),
    ("武进区将", [2025]),
    ("业内人士认为", [2025]),
])
def test_a_storys_headline_aiming_at_a_year_does_not_date_it(texts_documents, texts_row, start, years):
    assert texts_documents["AIMED"]["years"] == [2025]
    assert texts_row("AIMED", start)["years"] == years


@pytest.mark.parametrize("name, years", [
    ("EXTENDED", [2027, 2028]),
    ("EXTENDED_UNDATED_START", [2025, 2026, 2027]),
])
def test_a_notice_extending_a_term_speaks_for_the_extension(texts_documents, texts_row, name, years):
    assert texts_documents[name]["years"] == years


def test_an_extensions_paragraphs_speak_for_it(texts_row):
    assert texts_row("EXTENDED", "二、武进区要")["years"] == [2027, 2028]
    assert texts_row("EXTENDED", "二、武进区要")["region_path"] == ["江苏省", "常州市", "武进区"]


def _unit_on_next_line(path):
    """A plan's page whose lines were cut between a year and its 年, and between a count and its 万人."""
    make_pdf(path, [[
        "南通市集成电路装备产业发展行动方案（2025—2027年）",
        "南通市工业和信息化局",
        "一、发展目标",
        "2025年，新开工集成电路装备项目8个以上；2026",
        "年，建成装备零部件检测中心。",
        "全市从业人员达到42",
        "万人，其中研发人员3万人。",
    ]])


@pytest.fixture(scope="module")
def pdf_row(tmp_path_factory):
    index = ingest_drawn(tmp_path_factory.mktemp("units47"), "UNITS.pdf", _unit_on_next_line)
    return passage_finder(str(index), "的 OR 年 OR 人 OR 目标 OR 方案 OR 南通")


def test_a_number_and_its_unit_across_a_line_break_stay_one_sentence(pdf_row):
    joined = pdf_row("UNITS", "2025年，新开工")
    assert joined["text"] == "2025年，新开工集成电路装备项目8个以上；2026年，建成装备零部件检测中心。"
    assert joined["years"] == [2025, 2026]
    assert pdf_row("UNITS", "全市从业人员")["text"] == "全市从业人员达到42万人，其中研发人员3万人。"


def test_a_persons_name_like_a_districts_is_no_place(texts_documents, texts_row):
    assert texts_documents["NAMED_LIKE_PLACES"]["region_path"] == ["江苏省", "苏州市"]
    for start in ("记者：今年", "刘建华：我们将"):
        hit = texts_row("NAMED_LIKE_PLACES", start)
        assert (hit["region_path"], hit["zone"]) == (["江苏省", "苏州市"], "苏州工业园区")


def test_a_title_naming_a_route_is_the_destinations_story(texts_documents, texts_row):
    assert texts_documents["ROUTE"]["region_path"] == ["浙江省", "嘉兴市", "海宁市"]
    assert texts_row("ROUTE", "海宁市经信局")["region_path"] == ["浙江省", "嘉兴市", "海宁市"]


@pytest.mark.parametrize("name, region", [
    ("HOST_FIRST", ["上海市", "嘉定区"]),
    ("NO_KNOWN_PLACE", ["江苏省", "南通市", "海门区"]),
    ("ONE_PLACE_PARK", ["河北省"]),  # (雄安新区, its zone; not 保定市/雄县)
])
def test_a_park_lies_where_its_text_says(texts_documents, name, region):
    assert texts_documents[name]["region_path"] == region


@pytest.mark.parametrize("start, region", [
    ("闽赣携手", ["多地"]),
    ("10月14日", ["多地"]),
    ("八闽大地上", ["福建省"]),
    ("榕城福州", ["福建省", "福州市"]),
    ("赣鄱大地上", ["江西省"]),
])
def test_abbreviated_pairs_literary_names_and_epithets(texts_documents, texts_row, start, region):
    assert texts_documents["ABBREVIATED"]["region_path"] == ["多地"]
    assert texts_row("ABBREVIATED", start)["region_path"] == region


def test_a_paragraph_on_a_firms_site_elsewhere_is_that_places(texts_row):
    assert texts_row("SITE_ELSEWHERE", "在上海闵行的研发中心")["region_path"] == ["上海市", "闵行区"]
    assert texts_row("SITE_ELSEWHERE", "武进区有关负责人")["region_path"] == ["江苏省", "常州市", "武进区"]


def test_a_headline_with_an_exclamation_inside_is_titled_whole(texts_documents):
    assert texts_documents["EXCLAIMED"]["title"] == "常州“芯”成绩单出炉！功率器件营收增长两成"


@pytest.mark.parametrize("name, region", [
    ("ROUTE_TO_WORD_CITY", ["江西省", "吉安市"]),
    ("EPITHET_OF_A_CITY", ["吉林省", "吉林市"]),
    ("COUNTY_WORD", ["江苏省", "徐州市", "睢宁县"]),
])
def test_route_ends_city_epithets_and_county_words(texts_documents, name, region):
    assert texts_documents[name]["region_path"] == region


def test_the_place_inside_an_examples_opens_the_passage(texts_row):
    assert texts_row("EXAMPLE", "以嘉兴为例")["region_path"] == ["浙江省", "嘉兴市", "平湖市"]


@pytest.mark.parametrize("start, years", [
    ("2024年，全市集成电路产业", [2024]),
    ("2024年，全市新增功率器件", [2024, 2025]),
])
def test_a_paragraph_opening_on_the_year_before_speaks_for_it(texts_row, start, years):
    assert texts_row("WHITE_PAPER", start)["years"] == years


@pytest.mark.parametrize("name, start", [("CITED", "第一条"), ("CITED_EDITION", "根据《"), ("CARRIED_ON", "答：《若干措施》")])
def test_a_cited_or_carried_on_document_lends_no_years(texts_documents, texts_row, name, start):
    assert texts_row(name, start)["years"] == texts_documents[name]["years"]


def test_a_towns_most_precise_stated_place_is_its_own(texts_documents):
    assert texts_documents["TOWN_ASIDE"]["region_path"] == ["江苏省", "常州市", "溧阳市"]


def test_a_town_no_gazetteer_knows_lies_where_its_text_says(texts_documents, texts_row):
    assert texts_documents["TOWN"]["region_path"] == ["广东省", "东莞市"]
    assert texts_row("TOWN", "镇党委负责人")["region_path"] == ["广东省", "东莞市"]


def test_a_body_with_latin_letters_in_its_name_issues(texts_documents):
    assert texts_documents["LATIN_BODY"]["issuer"] == "G60科创走廊联席会议办公室"


def test_a_labelled_value_ends_at_the_next_label(texts_documents):
    assert (texts_documents["LABELLED"]["issuer"], texts_documents["LABELLED"]["issued"]) == ("常州市科学技术局", "2025-04-02")


def test_a_front_matters_issuer_is_the_issuer(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.md").write_text("""---
title: 青浦区2025年集成电路产业重点工作安排
date: 2025-03-20
发文机关: 上海市青浦区人民政府
---

# 青浦区2025年集成电路产业重点工作安排

## （一）打造城市会客厅

推动西岑科创中心集聚芯片设计企业。
""", encoding="utf-8")
    from tests.conftest import cli
    assert cli("ingest", tmp_path / "docs", "--index", tmp_path / "ix").returncode == 0
    (doc,) = jsonl("docs", "--all", "--index", str(tmp_path / "ix"))
    assert doc["issuer"] == "上海市青浦区人民政府"


@pytest.mark.parametrize("start, region", [
    ("与吴江区一湖之隔的嘉善县", ["浙江省", "嘉兴市", "嘉善县"]),
    ("与吴江区隔河相望的青浦区", ["江苏省", "苏州市", "吴江区"]),
    ("与吴江区相邻的吴中区", ["江苏省", "苏州市"]),
    ("紧邻我区的吴中经济技术开发区", ["江苏省", "苏州市", "吴江区"]),
    ("吴中区、相城区等周边板块", ["江苏省", "苏州市", "吴江区"]),
    ("与吴江区相邻的相城区", ["江苏省", "苏州市"]),
])
def test_a_neighbour_past_the_citys_line_is_its_own_subject(texts_row, start, region):
    assert texts_row("NEIGHBOUR_ACROSS", start)["region_path"] == region


def _captioned_table(path):
    """A five-year review in .docx: a paragraph, a caption naming one year, and its table of districts."""
    make_docx(path, ["常州市“十四五”集成电路产业发展回顾（2021—2025年）", "常州市工业和信息化局", "五年来，全市集成电路产业规模持续扩大。",
                     "表3　2025年分区县集成电路产业营业收入"],
              [["地区", "营业收入（亿元）", "主导产业"], ["武进区", "176", "功率器件"], ["溧阳市", "41", "电池管理芯片"]])


@pytest.fixture(scope="module")
def caption_row(tmp_path_factory):
    index = ingest_drawn(tmp_path_factory.mktemp("caption47"), "REVIEW.docx", _captioned_table)
    return passage_finder(str(index), "的 OR 年 OR 区 OR 市 OR 营业 OR 功率 OR 芯片")


@pytest.mark.parametrize("start, years", [
    ("五年来", [2021, 2022, 2023, 2024, 2025]),
    ("表3", [2025]),
    ("武进区", [2025]),
    ("溧阳市", [2025]),
])
def test_a_captions_year_is_its_tables(caption_row, start, years):
    assert caption_row("REVIEW", start)["years"] == years
