"""Who a sentence assigns its work to, where the name is not simply the sentence's first words: after a trigger or
a colon, after the adverbial or the time phrase the sentence opens with, after a deadline put first or ``do``; never
the issuer speaking (extractors/tasks.py reads the sentences, this module names their assignee)."""
from __future__ import annotations

from ...data import load
from ...lexicon.bodies import expand
from ...lexicon.fold import fold
from ...lexicon.lazy import escape, lazy_regex
from ..deadlines.forms import FREQUENCY
from . import execution, genre, names
from .scans import Scans

_AGENT = lazy_regex(r"(?<![\p{L}])do\s+")  # "Hội nghị … do Đoàn Chủ tịch … triệu tập": who acts, in a dated rule
_CASE = tuple(fold(w) + " " for w in load("tasks")["case_openings"])  # "Đối với … thì X gửi …"
_THEN = lazy_regex(r"(?<![\p{L}])thì\s+")
# A word a sentence cannot end a line's title with: the line goes on ("… chỉ đạo của" / "Bộ Tư pháp").
_TAIL_WORD = lazy_regex(r"(?<![\p{L}])(?:" + "|".join(escape(fold(w)) for w in load("tasks")["title_open_tails"]) + r")[ \t]*$")
_CYCLE = FREQUENCY.pattern  # "Hằng năm", "Định kỳ hàng quý" (extractors/deadlines/forms.py)

Found = tuple[str, int, int]  # the name, where it starts, where its action starts


class Assignees:
    """Finds the assignee in one document's sentences (its text, folded key and scans; the issuer's own names)."""

    def __init__(self, text: str, key: str, scans: Scans, own: set[str]) -> None:
        self.text, self.key, self.scans, self.own = text, key, scans, own

    def issuer(self, name: str) -> bool:
        """Whether ``name`` is the issuer's (the body that speaks, never its own assignee)."""
        k = fold(expand(name))
        # "Cục Cảnh sát …, Bộ Công an - Cơ quan Thường trực … trân trọng cảm ơn …": the issuer with its parent body
        return any(o.startswith(k) or (len(o.split()) >= 3 and k.startswith(o)) for o in self.own)

    def after_opener(self, start: int, end: int) -> Found | None:
        """The name after the adverbial a sentence opens with (``Căn cứ …, Ủy ban nhân dân tỉnh, thành phố chỉ đạo
        …``): at the first comma after which a name and its verb follow; None when that name is the issuer's."""
        pos = self.key.find(", ", start, end)
        while pos >= 0:
            found = names.name_at(self.text, self.key, pos + 2, end)
            if found is not None:
                return None if self.issuer(found[0]) else found
            pos = self.key.find(", ", pos + 2, end)
        return None

    def after_time(self, start: int, end: int, limit: bool = False) -> Found | None:
        """The name after the time phrase a sentence or clause opens with (``Hàng quý, Chủ tịch ủy ban nhân dân cấp
        dưới báo cáo …``, ``Định kỳ hàng quí các Cục Hải quan phải tập hợp báo cáo …``): who the time is for.  A
        bare cycle the deadline after it made its own (``2. Hằng năm, Sở Tư pháp báo cáo … trước ngày 15/12``) opens
        the sentence all the same.  ``limit``: only a time limit (``Trước ngày 15/12/2025, Sở Tài chính chủ trì …``)."""
        found = self.scans.deadlines_in(start, end)
        if found and found[0].start - start <= 2 and (not limit or (found[0].strong and found[0].form != "frequency")):
            pos = found[0].end
        elif not limit and (cycle := _CYCLE.match(self.key, start)) is not None:
            pos = cycle.end()
        else:
            return None
        pos += len(self.key[pos:end]) - len(self.key[pos:end].lstrip(" ,"))
        who = names.name_at(self.text, self.key, pos, end)
        return None if who is None or self.issuer(who[0]) else who

    def after_title(self, start: int, end: int) -> Found | None:
        """The name that opens the line after an item's title (``2. Tăng cường công tác tuyên truyền, phổ biến về Chỉ
        số CCHC`` then ``Các bộ, cơ quan, địa phương tổ chức tuyên truyền …``, ld_064): a title line ends with no
        punctuation and the next line starts with a capital; who that paragraph names does the item's work."""
        text, key = self.text, self.key
        line_end = text.find("\n", start, end)
        if line_end < 0 or text[start:line_end].rstrip()[-1:] in tuple(".;:,-–(") or len(text[start:line_end].split()) < 3:
            return None
        pos = line_end + 1
        while pos < end and text[pos] in " \t":
            pos += 1
        if not text[pos : pos + 1].isupper() or _TAIL_WORD.search(key, start, line_end) is not None:
            return None  # ("… của các" / "ngành": a line broken inside the sentence)
        found = names.name_at(text, key, pos, end)
        if found is None or any(c in text[pos : found[2]] for c in "\n:“\""):
            return None  # ("1. Cơ sở pháp lý đề xuất … Đề án Đại hội hợp nhất" / "Hội Công chứng viên tỉnh Lâm Đồng" /
            # "Thực hiện Nghị quyết …", ld_055: a title wrapped onto a name, its verb the next line's; "1. Về Hội Làm
            # vườn" / "Ủy ban nhân dân tỉnh Bình Thuận có ý kiến: “…”": what a body said, quoted)
        return None if self.issuer(found[0]) else found

    def after_case(self, start: int, end: int) -> Found | None:
        """The name after ``thì`` in a sentence that opens with its case (``Đối với báo cáo … năm 2025 thì Hội đồng Dân
        tộc, Ủy ban của Quốc hội gửi báo cáo …``): who acts in that case; the first ``thì`` only."""
        if not self.key.startswith(_CASE, start):
            return None
        m = _THEN.search(self.key, start, end)
        if m is None or not self.text[m.end() : m.end() + 1].isupper():
            return None
        found = names.name_at(self.text, self.key, m.end(), end)
        return None if found is None or self.issuer(found[0]) else found

    def agent(self, start: int, end: int) -> Found | None:
        """Who acts in a dated sentence of a regulation where the name does not open it: after the deadline put
        first (``chậm nhất là ngày 15 tháng 12 năm 2025, Ủy ban Thường vụ Quốc hội tiến hành …``) or after ``do``
        (``Hội nghị … do Đoàn Chủ tịch Ủy ban Trung ương … triệu tập, chủ trì``)."""
        text, key = self.text, self.key
        at = [d.end for d in self.scans.deadlines_in(start, end)]
        at += [m.end() for m in _AGENT.finditer(key, start, end) if text[m.end() : m.end() + 1].isupper()]
        for pos in sorted(at):
            pos += len(key[pos:end]) - len(key[pos:end].lstrip(" ,"))
            found = names.name_at(text, key, pos, end)
            if found is not None and not self.issuer(found[0]):
                return found
        return None

    def who(self, start: int, end: int, triggers: list[tuple[int, int]]) -> Found | None:
        """The assignee of a sentence: after a trigger or a colon, or at its start; never the issuer speaking."""
        text, key = self.text, self.key
        who = names.assignee(text, key, start, end, True, [b for _, b in triggers])
        if who is None:  # an execution clause: the issuer listed first is one of those who execute (vbpl_023)
            return execution.clause(text, key, start, end)
        if who is not None and self.issuer(who[0]) and not genre.giao_opens(key, start, who[0]):
            return None  # "Bộ Thông tin và Truyền thông thông báo …", "Trung tâm kính trình …": the issuer speaking
        return who
