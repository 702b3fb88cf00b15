"""The forms of deadline as patterns on the folding key: each is one of its opening phrases (data in
``data/deadlines.yaml`` and ``data/tasks.yaml``), then a tail.  The scanner needs each form's first words, so the
forms are composed here rather than as named patterns in patterns.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from ...data import load
from ...lexicon.fold import retone
from ...lexicon.lazy import escape, lazy_regex

T = load("tasks")
D = load("deadlines")


def compile_key(pattern: str) -> regex.Pattern:
    """Patterns here run on the folding key, whose tone placement differs from plain spelling ("cuối" -> "cuôí")."""
    return lazy_regex(retone(pattern))  # compiled on first use


def phrases(words: Iterable[str]) -> str:
    """An alternation of phrases (longest first), any white space between their words."""
    return "|".join(r"\s+".join(escape(retone(w)) for w in p.split()) for p in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Form:
    """A form of deadline: its pattern and the first words the scanner looks for before trying it."""

    name: str
    pattern: regex.Pattern
    first_words: frozenset[str]  # the words it can start with: a form is tried only where one of them stands
    openings: tuple[str, ...] = ()  # its opening phrases as written (the scanner checks one stands there first)


def _form(name: str, openings: Iterable[str], rest: str) -> Form:
    """A form of deadline: one of the ``openings`` (group ``intro``), then ``rest``."""
    words = list(openings)
    head = f"(?P<intro>{phrases(words)})"
    return Form(name, compile_key(r"(?<![\p{L}])" + head + rest), frozenset(retone(p.split()[0]) for p in words), tuple(words))


_Y = r"(?:19|20)\d\d"
# A day or month as OCR may print it: a 0 read as O, a 1 as l or I, beside a digit ("3O/11/2025", "15/l2/2025"; read.num).
_DD = r"(?:\d{1,2}|\d[oli]|[oli]\d)"
# A clock time may stand before the day: "trước 14 giờ ngày 08 tháng 10 năm 2025", "17 giờ 00 ngày 01/02/2026"; its
# hour as OCR may print it too, a digit beside a letter or mark OCR put for the other (ld_030 scanned: "trước l4 giờ
# ngày 08 …", "trước L4 giờ, ngày 08 …"; qngai_ct16_2021: "trước 1Š giờ 00 ngày 05/02/2022"): the hour is not read,
# the date after it is.
_HOUR = r"(?:\d{1,2}|\d[\p{L}§]|[\p{L}§]\d)"
_TIME = r"(?:" + _HOUR + r"\s*(?:giờ|h)(?![\p{L}])(?:\s*\d{1,2}(?:\s*phút)?)?\s*,?\s*)?"
# A two-digit year after a separator ("15/12/25"): read only near the document's own year (read.short_year).
# … and a weekday ("trước thứ Sáu, ngày 20/11/2025", "trước 15 giờ ngày thứ Sáu, 20/11/2025")
_WEEKDAY = r"(?:(?:ngày\s+)?(?:" + phrases(D["weekdays"]) + r")(?![\p{L}\d])\s*,?\s*)?"
_DATE = _TIME + _WEEKDAY + r"(?:ngày\s*)?(?P<d>" + _DD + r")\s*(?:[/.\-]|\s+tháng\s+)\s*(?P<m>" + _DD + r")(?:\s*(?:[/.\-]|\s+năm\s+)\s*(?P<y>" + _Y + r")|\s*[/.\-]\s*(?P<yy>\d\d))?(?![\d/])"
_DAY = r"(?P<d{i}>\d{{1,2}})\s*(?:[/.\-]|\s+tháng\s+)\s*(?P<m{i}>\d{{1,2}})(?:\s*(?:[/.\-]|\s+năm\s+)\s*(?P<y{i}>" + _Y + r"))?"
_UNIT = r"(?P<unit>tuần|tháng|quý|quí|năm)(?![\p{L}])"
_BY = ["trong", "trước", "hết", "cuối", "đến"]

ABSOLUTE = _form("absolute", [*T["deadline_intros"], *D["date_intros"]], r"\s*:?\s*" + _DATE)
# "trước ngày 20 hằng tháng", "chậm nhất vào ngày 10 tháng 11 hằng năm"
PERIODIC = _form(
    "periodic", D["recurring_day_openings"],
    r"\s+(?:ngày\s+)?(?P<d>\d{1,2})(?!\d)(?:\s*(?:/|\s+tháng\s+)\s*(?P<m>\d{1,2})(?!\d))?\s+(?:hằng|hàng|mỗi)\s+" + _UNIT,
)
# "trước ngày 5 của tháng tiếp theo", "chậm nhất vào ngày 5 tháng sau"
NEXT_MONTH = _form(
    "next_month", D["recurring_day_openings"],
    r"\s+ngày\s+(?P<d>\d{1,2})(?!\d)\s+(?:của\s+)?tháng\s+(?:tiếp\s+theo|sau|kế\s+tiếp)(?![\p{L}])",
)
# "Trước ngày 15 của tháng báo cáo", "chậm nhất ngày 25 (hai mươi lăm) của tháng, quý …": a day of the reporting
# cycle; "Trước ngày 15 tháng 12 của năm báo cáo": a day of the reporting year
REPORT_DAY = _form(
    "report_day", D["recurring_day_openings"],
    r"\s+(?:ngày\s+)?(?P<d>\d{1,2})(?!\d)(?:\s*\([^()\d\n]{1,20}\))?\s+(?:của\s+)?(?P<cycle>" + phrases(D["reporting_cycles"]) + r")(?![\p{L}])",
)
REPORT_YEAR = _form(
    "report_year", D["recurring_day_openings"],
    r"\s+(?:ngày\s+)?(?P<d>\d{1,2})\s*(?:/|\s+tháng\s+)\s*(?P<m>\d{1,2})\s+(?:của\s+)?năm\s+báo\s+cáo(?![\p{L}])",
)
# "chậm nhất không quá ngày cuối quý"
LAST_DAY_OF = _form("last_day_of", D["recurring_day_openings"], r"\s+ngày\s+cuối\s+(?:của\s+)?(?:mỗi\s+)?" + _UNIT)
# "hằng năm, trước ngày 10", "Định kỳ hằng tháng, trước ngày 20"
EVERY = _form(
    "every", ["định kỳ hằng", "định kỳ hàng", "hằng", "hàng"],
    r"\s+" + _UNIT + r"\s*[,(]?\s*(?:trước|chậm\s+nhất(?:\s+(?:là|đến|vào))?|vào|trong)\s+(?:ngày\s+)?(?P<d>\d{1,2})(?!\d)"
    r"(?:\s*[/.]\s*(?P<mon>\d{1,2})|\s+tháng\s+(?P<mon2>\d{1,2}))?(?![\d/.]\d)(?!\s*(?:ngày|giờ|tuần|quý|năm|tháng))",
)
# "hằng tuần vào thứ Sáu", "trước 16 giờ thứ Năm hằng tuần" is not read: a weekday after a weekly word only
WEEKDAY = _form(
    "weekday", ["định kỳ hằng", "định kỳ hàng", "hằng", "hàng", "mỗi"],
    r"\s+tuần\s*,?\s*(?:\(\s*)?(?:vào|trước|chậm\s+nhất(?:\s+(?:là|vào))?)\s+(?:(?:các\s+)?ngày\s+)?(?P<wd>" + phrases(D["weekdays"]) + r")(?![\p{L}\d])",
)
# "trước Hội nghị." (the meeting's time, read in .context): at the end of its clause only
EVENT = _form("event", ["trước", "chậm nhất trước", "trước khi diễn ra", "trước khi tổ chức", "trước khi khai mạc"],
              r"\s+(?P<event>" + phrases(D["meeting_events"]) + r")(?=\s*(?:[.;,\n]|$))")
# "Kỳ họp thứ 10 (tháng 10/2025)", "tại Phiên họp tháng 9/2025" (vbpl_113): a meeting by its month is that month
MEETING_MONTH = _form("month", D["meeting_events"],
                      r"(?:\s+(?:lần\s+)?thứ\s+[\p{L}\d]+)?\s*\(?\s*tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>" + _Y + r")(?![\d/])")
# "Định kỳ hằng năm", "Hằng năm, …" (at the start of a clause only), "định kỳ 3 tháng", "một quý một lần"
FREQUENCY = _form("frequency", ["định kỳ hằng", "định kỳ hàng", "hằng", "hàng"], r"\s+" + _UNIT)
COUNT_WORDS = {" ".join(retone(k).split()): v for k, v in D["count_words"].items()}


def spelled() -> dict[str, int]:
    """Counts 1–99 spelled in words, keyed as folded (data number_units / number_after_ten): ``mười lăm`` 15, ``hai
    mươi mốt`` 21; ``năm`` alone (5) is not one (the year's word)."""
    units, after = D["number_units"], D["number_after_ten"]
    out = {w: n for w, n in units.items() if w != "năm"}
    tens = {"mười": 10, **{f"{w} mươi": 10 * n for w, n in units.items() if n > 1}}
    for t, v in tens.items():
        out[t] = v
        out.update({f"{t} {w}": v + n for w, n in after.items() if not (v == 10 and w in ("mốt", "tư"))})
    return {" ".join(retone(k).split()): v for k, v in out.items()}


SPELLED = spelled()
_SPELLED = "|".join(r"\s+".join(k.split()) for k in sorted(SPELLED, key=len, reverse=True))
_COUNT = "|".join(r"\s+".join(k.split()) for k in sorted(COUNT_WORDS, key=len, reverse=True))
EVERY_N = _form("every_n", ["định kỳ"], r"\s+(?P<n>\d{1,2}|" + _COUNT + r")\s+(?P<unit>tháng|tuần|năm)(?![\p{L}])")
ONCE_PER = _form("once_per", ["một", "mỗi", *D["count_words"]], r"\s+" + _UNIT + r"\s+(?:một\s+)?lần(?![\p{L}])")
# A quarter's numeral as printed, or as OCR prints it: tesseract reads the two strokes of ``II`` joined by a serif
# as ``H`` (``quý IH/2025``, ``quý HI/2025`` for III in a scanned plan, scripts/plan_variants.py --render scan; ``H.``
# for the part ``II.``, ld_064 scanned): read.quarter tells the quarter, or none where the strokes make none.
_Q = r"(?P<q>iv|iii|ii|i|[1-4]|[ih]*h[ih]*)"
QUARTER = _form("quarter", _BY, r"\s+(?:quý|quí)\s+" + _Q + r"(?:\s*(?:/|năm)\s*(?P<y>" + _Y + r"))?(?![\p{L}\d])")
# "trong tháng 11/2025", "trong tháng 12 năm nay" (the document's year); "hoàn thành trong tháng 12" (no year: the document's, read in .__init__); not "trong tháng
# 12 hằng năm", "tháng 3 của năm sau", "tháng 9 năm học"
_MONTH_TAIL = (
    r"(?P<m>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y>" + _Y + r")(?![\d/])|\s+(?P<now>năm\s+nay)(?![\p{L}])|(?!\s*(?:và|đến)\s+(?:hết\s+)?(?:tháng\s+)?\d)(?![\d/.,\-–]*\d)(?!\s*(?:\(|(?:hằng|hàng|của|mỗi|các|năm|sau|tới|trước|âm|đầu|cuối)(?![\p{L}]))))"
)
MONTH = _form(
    "month", _BY + ["đến hết", "đến cuối", "chậm nhất", "chậm nhất là", "chậm nhất vào"],
    r"\s+tháng\s+" + _MONTH_TAIL,
)
# "Thời gian thực hiện: Tháng 11/2025", "Thời gian hoàn thành: Quý IV/2025", "Tiến độ hoàn thành: Năm 2026"
# … also a label's head and up to three words of its own ("Hạn nộp báo cáo: 15/12/2025", "Thời gian gửi hồ sơ: Tháng
# 12/2025": data label_heads), not the words of a time that is no limit (label_not_words: "Thời gian chốt số liệu:").
_HEADS = [*D["period_labels"], *D["label_heads"]]
_OWN_WORDS = r"(?:\s+(?!(?:" + phrases(D["label_not_words"]) + r")(?![\p{L}]))\p{L}+){0,3}?"
_LABEL = _OWN_WORDS + r"\s*:\s*(?:trong\s+)?"
LABEL_MONTH = _form("month", _HEADS, _LABEL + r"tháng\s+" + _MONTH_TAIL)
# "Thời gian hoàn thành: 30/12/2025", "Thời gian thực hiện: ngày 30/12/2025": a date alone after a time label
LABEL_DATE = _form("absolute", _HEADS, _OWN_WORDS + r"\s*:\s*" + _DATE)
# "trong tháng 11-12/2025", "trong tháng 11 và tháng 12/2025": the months, their year printed once
MONTH_SPAN = _form("months", ["trong", "từ"], r"\s+tháng\s+(?P<m1>\d{1,2})\s*(?:-|–|đến|và)\s*(?:hết\s+)?(?:tháng\s+)?(?P<m2>\d{1,2})\s*(?:/|năm)\s*(?P<y2>" + _Y + r")(?![\d/])")
LABEL_QUARTER = _form("quarter", _HEADS, _LABEL + r"(?:quý|quí)\s+" + _Q + r"\s*(?:/|năm)\s*(?P<y>" + _Y + r")(?![\p{L}\d])")
LABEL_YEAR = _form("year", _HEADS, _LABEL + r"năm\s+(?P<y>" + _Y + r")(?![\d\-–/])(?!\s*(?:-|–|đến)\s*\d)(?P<on>\s+và\s+(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau|tiếp))?")
# "trong 6 tháng đầu năm 2026", "9 tháng cuối năm 2025": the first or last months of the year
HALF = _form(
    "half", ["trong", "hết", "đến hết", "đến cuối"],
    r"\s+(?P<n>\d{1,2})\s+tháng\s+(?P<part>đầu|cuối)\s+năm\s*(?P<y>" + _Y + r")(?!\d)",
)
MONTHS = _form(
    "months", ["từ", "trong"],
    r"\s+tháng\s+(?P<m1>\d{1,2})\s*(?:/|năm)\s*(?P<y1>" + _Y + r")\s*(?:đến|-|–)\s*(?:hết\s+)?tháng\s+(?P<m2>\d{1,2})\s*(?:/|năm)\s*(?P<y2>" + _Y + r")(?![\d/])",
)
# "trong khoảng thời gian từ ngày 01 tháng 12 năm 2025 đến ngày 10 tháng 12 năm 2025"
_DAY1 = r"(?P<d1>\d{1,2})(?:\s*(?:[/.\-]|\s+tháng\s+)\s*(?P<m1>\d{1,2})(?:\s*(?:[/.\-]|\s+năm\s+)\s*(?P<y1>" + _Y + r"))?)?"
DAYS = _form("days", D["period_openings"], r"\s+ngày\s+" + _DAY1 + r"\s*(?:đến|-|–)\s*(?:hết\s+)?ngày\s+" + _DAY.format(i=2) + r"(?![\d/])")
# "trong năm 2025", "đến hết năm 2025", a target "vào năm 2030"; not a bare "cuối năm 2021" (a time of the year, "bình ổn
# thị trường cuối năm"); "đến năm 2030" only where it opens a clause (context.excluded: not "Chiến lược … đến năm 2030")
YEAR = _form("year", ["trong", "hết", "đến hết", "đến cuối", "từ", "vào", "đến"],
             r"\s+năm\s+(?P<y>" + _Y + r")(?!\d)(?P<on>\s+và\s+(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau|tiếp))?")
# A PDF's line break inside an event ("kể từ ngày" / "nhận được văn bản đề nghị"): not before a list item's label or
# an article's heading.
_WRAP = r"\n(?![ \t]*(?:[-–+•]|\d{1,3}[.)]|[a-zđ]\)|(?:điều|chương|mục|phần)\s+[\divxl]))"
# "trong năm 2025 - 2026", "trong giai đoạn 2026 - 2030", "Thời gian thực hiện: năm 2026 – 2027": the years from the
# first to the last.  Not "năm học 2026 - 2027" ("năm" then the year only), a bare "giai đoạn 2026 - 2030" (a
# programme's name), nor "từ năm 2025 đến năm 2027" (how long support is paid: "hỗ trợ kinh phí từ năm 2025 đến năm
# 2027", vbai_32; a start, session 18).
_YEARS = r"(?P<y1>" + _Y + r")\s*(?:-|–|đến)\s*(?:năm\s+)?(?P<y2>" + _Y + r")(?![\d/])"
YEARS = _form("years", ["trong"], r"\s+(?:năm|giai\s+đoạn)\s+" + _YEARS)
LABEL_YEARS = _form("years", _HEADS, _LABEL + r"(?:(?:năm|giai\s+đoạn)\s+)?" + _YEARS)
# "trong thời hạn 02 (hai) ngày làm việc, kể từ ngày nhận được hồ sơ", "Chậm nhất 45 ngày làm việc trước ngày hết
# nhiệm kỳ", "không muộn hơn 08 giờ làm việc"
RELATIVE = _form(
    "relative", D["duration_openings"],
    r"\s+(?:(?P<n>\d{1,3})(?:\s*\([^()\d\n]{1,20}\))?|(?P<w>" + _SPELLED + r"))\s+(?P<unit>ngày|tháng|tuần|giờ)(?![\p{L}])(?P<work>\s+làm\s+việc)?"
    r"(?:\s*,?\s*(?P<how>kể\s+từ|tính\s+từ|(?:trước|sau)(?=\s+(?:ngày|khi|thời\s+điểm)))\s+(?P<from>(?:[^,.;:()\n]|" + _WRAP + r"){1,160}))?",
)
# "trước ngày phải nộp thuế (được ghi trong thông báo) tối thiểu là 3 ngày" (btc_tt99_1998): the event first, then
# the least time before it
BEFORE_EVENT = _form(
    "before_event", ["trước"],
    r"\s+(?P<from>ngày\s+[^,.;:()\n\d]{3,60}?)(?:\s*\([^()\n]{1,50}\))?\s+(?:" + phrases(D["least_before"]) + r")"
    r"\s+(?P<n>\d{1,3})(?:\s*\([^()\d\n]{1,20}\))?\s+(?P<unit>ngày|tháng|tuần|giờ)(?![\p{L}])(?P<work>\s+làm\s+việc)?",
)
# "ngay trong ngày làm việc", "trong ngày làm việc nhận được hồ sơ": the same working day
WORKDAY = _form("workday", ["ngay trong", "trong"], r"\s+(?P<from>ngày\s+làm\s+việc(?P<tail>\s+[^,.;:()\n]{1,160})?)")

FORMS = (BEFORE_EVENT, PERIODIC, REPORT_DAY, REPORT_YEAR, NEXT_MONTH, LAST_DAY_OF, EVERY, WEEKDAY, FREQUENCY, EVERY_N, ONCE_PER, ABSOLUTE, LABEL_DATE, EVENT, MEETING_MONTH, QUARTER, MONTH, LABEL_MONTH, MONTH_SPAN, LABEL_QUARTER, LABEL_YEAR, HALF, MONTHS, DAYS, YEAR, YEARS, LABEL_YEARS, RELATIVE, WORKDAY)

# A table cell of a time column is a deadline on its own: "Tháng 11/2025", "Quý IV/2025", "30/9/2025".
CELL_MONTHS = compile_key(r"(?<![\p{L}\d])tháng\s+(?P<m1>\d{1,2})\s*(?:-|–|đến)\s*(?:tháng\s+)?(?P<m2>\d{1,2})\s*(?:/|năm)\s*(?P<y>" + _Y + r")(?!\d)")
# "Tháng 9/2026 - Tháng 12/2026", "Tháng 11/2025 đến tháng 02/2026": each month with its year (not September alone)
CELL_MONTH_RANGE = compile_key(r"(?<![\p{L}\d])tháng\s+(?P<m1>\d{1,2})\s*(?:/|năm)\s*(?P<y1>" + _Y + r")\s*(?:-|–|đến)\s*(?:hết\s+)?tháng\s+(?P<m2>\d{1,2})\s*(?:/|năm)\s*(?P<y2>" + _Y + r")(?!\d)")
CELL_MONTH = compile_key(r"(?<![\p{L}\d])tháng\s+(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>" + _Y + r")(?!\d)")
CELL_QUARTER = compile_key(r"(?<![\p{L}\d])(?:quý|quí)\s+" + _Q + r"\s*(?:/|năm)\s*(?P<y>" + _Y + r")(?!\d)")
CELL_DATE = compile_key(r"(?<![\d/])" + _DATE)
CELL_HALF = compile_key(r"(?<![\p{L}\d])(?P<n>\d{1,2})\s+tháng\s+(?P<part>đầu|cuối)\s+năm\s*(?P<y>" + _Y + r")(?!\d)")
# a cell that is a month alone ("Tháng 12"): the document's year, read in .__init__
CELL_MONTH_ALONE = compile_key(r"\s*(?:trong\s+)?tháng\s+(?P<m>\d{1,2})\s*[.;]?\s*")
CELL_YEARS = compile_key(r"(?<![\p{L}\d])(?:năm|giai\s+đoạn)\s+" + _YEARS)
CELL_YEAR = compile_key(r"(?<![\p{L}\d])năm\s+(?P<y>" + _Y + r")(?!\d)")
