import pytest
from hypothesis import given, settings, strategies as st

from icpolicy.errors import QueryError
from icpolicy.engine.query import And, Not, Or, Term, parse


def _t(text):
    from icpolicy.text.normalize import normalise

    return Term(text, normalise(text))


def test_spaces_mean_and():
    assert parse("集成电路 封测").tree == And((_t("集成电路"), _t("封测")))


def test_or_not_and_parentheses():
    assert parse("(碳化硅 OR 氮化镓) -光伏").tree == And((Or((_t("碳化硅"), _t("氮化镓"))), Not(_t("光伏"))))
    assert parse("A NOT B").tree == And((_t("A"), Not(_t("B"))))


def test_hyphen_inside_a_word_is_not_negation():
    assert parse("5G-A").tree == _t("5G-A")


def test_quoted_phrase_keeps_spaces_and_punctuation():
    tree = parse('"集成电路 产业"').tree
    assert tree.text == "集成电路 产业" and tree.norm == "集成电路产业" and tree.phrase


def test_inline_filters_are_pulled_out():
    parsed = parse("先进封装 region:江苏 year:2024-2025 segment:packaging type:行动方案")
    assert parsed.tree == _t("先进封装")
    assert parsed.filters == {"region": ["江苏"], "year": ["2024-2025"], "segment": ["packaging"], "type": ["行动方案"]}


@pytest.mark.parametrize("text, message", [
    ('"集成电路', "unbalanced quote"),
    ("(集成电路 封测", "unbalanced parenthesis"),
    ("集成电路)", "unbalanced parenthesis"),
    ("集成电路 OR", "dangling OR"),
    ("OR 集成电路", "dangling OR"),
    ("A OR OR B", "dangling OR"),
    ("()", "empty parentheses"),
    ("region:", "needs a value"),
    ('""', "empty term"),
])
def test_malformed_queries_point_at_the_problem(text, message):
    with pytest.raises(QueryError, match=message) as info:
        parse(text)
    assert "^" in str(info.value)


@settings(max_examples=500)
@given(st.text(alphabet='集成电路 ()"“”-－ORANDNOT:：region:year:2024aA', max_size=30))
def test_parser_raises_only_query_errors(text):
    try:
        parse(text)
    except QueryError:
        pass


@pytest.mark.parametrize("text, term", [
    ("集成电路（IC）", "集成电路（IC）"), ("规划（2024–2026年）", "规划（2024–2026年）"), ("发展(IC)", "发展(IC)"),
    ("中国“芯”", "中国“芯”"), ("实施“揭榜挂帅”", "实施“揭榜挂帅”"), ("中国(上海)自由贸易试验区", "中国(上海)自由贸易试验区"),
    ("（2024版", "（2024版"), ("2.5D/3D封装）", "2.5D/3D封装）"), ("支持“集成电路科学与工程", "支持“集成电路科学与工程"),
])
def test_text_pasted_with_its_brackets_and_quotes_is_one_term(text, term):
    # brackets and quotes inside a word are its characters (they split it into an AND of its parts, or were refused)
    tree = parse(text).tree
    assert tree == Term(term, tree.norm) and not tree.phrase


def test_brackets_and_quotes_at_a_word_s_edges_are_still_syntax():
    assert parse("＂集成电路 产业＂").tree.phrase  # full-width " makes a phrase as " does (it was a literal mark)
    grouped = parse("（碳化硅 OR 氮化镓） 衬底").tree
    assert [type(item).__name__ for item in grouped.items] == ["Or", "Term"]
    nested = parse("(集成电路（IC） OR 芯片) 江苏").tree
    assert nested.items[0].items[0].text == "集成电路（IC）" and nested.items[1].text == "江苏"
    assert parse("“集成电路 产业” 江苏").tree.items[0].phrase


@pytest.mark.parametrize("text, shape", [
    # a group or phrase touching a word or an operator is syntax, as it always was (a review found these turned to text)
    ("芯片 OR(集成电路)", "Or(芯片, 集成电路)"), ("芯片 OR（集成电路）", "Or(芯片, 集成电路)"),
    ("集成电路 NOT(产业)", "And(集成电路, Not(产业))"), ("集成电路 AND(封装 OR 测试)", "And(集成电路, Or(封装, 测试))"),
    ("发展（集成电路 OR 芯片）", "And(发展, Or(集成电路, 芯片))"), ("发展(集成电路 OR 芯片)", "And(发展, Or(集成电路, 芯片))"),
    ("“集成电路”OR 芯片", "Or(集成电路, 芯片)"), ("“集成电路”“产业”", "And(集成电路, 产业)"), ("“集成电路”(产业)", "And(集成电路, 产业)"),
    ("集成电路 -“产业”发展", "And(集成电路, Not(产业), 发展)"), ("region:江苏(芯片 OR 封装)", "Or(芯片, 封装)"),
    ('集成电路"产业 发展"', "And(集成电路, 产业 发展)"), ("“芯”片", "And(芯, 片)"), ("(芯片)", "芯片"), ("（芯片）", "芯片"),
])
def test_groups_and_phrases_touching_words_stay_syntax(text, shape):
    def show(node):
        if isinstance(node, Term):
            return node.text
        if isinstance(node, Not):
            return f"Not({show(node.item)})"
        return f"{type(node).__name__}({', '.join(show(item) for item in node.items)})"

    assert show(parse(text).tree) == shape


@pytest.mark.parametrize("text", ['芯片"', "集成电路(", "集成电路(IC", 'a"b', "（", "“", "（集成电路 OR 芯片", "芯片）OR 封装"])
def test_unclosed_marks_outside_a_one_word_copy_are_errors(text):
    with pytest.raises(QueryError):
        parse(text)
