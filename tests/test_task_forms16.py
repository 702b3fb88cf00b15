"""Tasks in the forms a kết luận or a kế hoạch prints them (issue 13, session 16), GENERATED from the development set's
conclusion notices and plans (qngai_tb660_2025: its bodies, actions and times), each form written the ways these
documents write it: ``Giao X chủ trì, phối hợp với Y …``, ``X: …`` paragraphs, ``Đề nghị X …``, ``Thời gian hoàn thành:
…`` on its own line, a plan's task as labelled lines (``- Cơ quan chủ trì: …``, ``- Cơ quan phối hợp: …``, ``- Thời
gian thực hiện: …``) or labels after semicolons, a lead marked ``(chủ trì)`` in a name list, and task tables with their
columns in another order or a time cell merged over rows.  Where the label names no body, no lead (null) and a
warning."""
from __future__ import annotations

from pathlib import Path

import pytest

from vnadmin_nlp import parse_text

from . import test_task_table_forms as forms
from .test_task_table_forms import Form, _r

KET_LUAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 120/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 05 tháng 5 năm 2025
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp Ban Chỉ đạo xóa nhà tạm, nhà dột nát
Ngày 02/5/2025, Chủ tịch UBND tỉnh chủ trì cuộc họp. Sau khi nghe báo cáo và ý kiến của các thành viên dự họp, \
Chủ tịch UBND tỉnh kết luận như sau:
"""
KE_HOACH = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 25/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Ngãi, ngày 10 tháng 3 năm 2025
KẾ HOẠCH
Triển khai thực hiện Chương trình xóa nhà tạm, nhà dột nát năm 2025
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm triển khai đồng bộ, hiệu quả.
II. NHIỆM VỤ, GIẢI PHÁP
"""
CLOSING = """Nơi nhận:
- CT, PCT UBND tỉnh;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn B
"""

# qngai_tb660_2025's assignments: (lead, support, action, time)
TB660 = [
    (["Sở Tài chính"], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Sở Xây dựng"], "tham mưu, đề xuất UBND tỉnh phân bổ nguồn vốn hỗ trợ", "trước ngày 30/6/2025"),
    (["Sở Tài nguyên và Môi trường"], ["các cơ quan, đơn vị liên quan"], "hướng dẫn UBND cấp huyện giải quyết đối với các hộ gia đình", "trong tháng 7/2025"),
    (["Sở Lao động - Thương binh và Xã hội"], [], "hướng dẫn, theo dõi việc triển khai thực hiện xóa nhà tạm, nhà dột nát", None),
    (["UBND huyện Bình Sơn"], ["Sở Xây dựng"], "khẩn trương hoàn thành phê duyệt đối tượng hỗ trợ nhà ở", "trước ngày 15/6/2025"),
]


def _with(support: list[str]) -> str:
    return ", ".join(support[:-1]) + " và " + support[-1] if len(support) > 1 else support[0]


def _giao(i: int, lead: list[str], support: list[str], action: str, time: str | None) -> str:
    also = f", phối hợp với {_with(support)}" if support else ""
    return f"{i}. Giao {lead[0]} chủ trì{also} {action}" + (f", hoàn thành {time}" if time else "") + "."


def _colon(i: int, lead: list[str], support: list[str], action: str, time: str | None) -> str:
    what = f"Chủ trì, phối hợp với {_with(support)} {action}" if support else action[0].upper() + action[1:]
    return f"{i}. {lead[0]}: {what}" + (f"; thời gian hoàn thành {time}" if time else "") + "."


def _de_nghi(i: int, lead: list[str], support: list[str], action: str, time: str | None) -> str:
    also = f" phối hợp với {_with(support)}" if support else ""
    return f"{i}. Đề nghị {lead[0]}{also} {action}" + (f" {time}" if time else "") + "."


def _own_line(i: int, lead: list[str], support: list[str], action: str, time: str | None) -> str:
    also = f", phối hợp với {_with(support)}" if support else ""
    return f"{i}. {lead[0]} chủ trì{also} {action}." + (f"\nThời gian hoàn thành: {time}." if time else "")


def _labelled(i: int, lead: list[str], support: list[str], action: str, time: str | None) -> str:
    lines = [f"{i}. {action[0].upper() + action[1:]}", f"- Cơ quan chủ trì: {lead[0]}."]
    lines += [f"- Cơ quan phối hợp: {'; '.join(support)}."] if support else []
    lines += [f"- Thời gian thực hiện: {time}."] if time else []
    return "\n".join(lines)


def _inline(i: int, lead: list[str], support: list[str], action: str, time: str | None) -> str:
    parts = [f"Cơ quan chủ trì: {lead[0]}"] + ([f"cơ quan phối hợp: {', '.join(support)}"] if support else [])
    parts += [f"thời gian hoàn thành: {time}"] if time else []
    return f"{i}. {action[0].upper() + action[1:]}. " + "; ".join(parts) + "."


@pytest.mark.parametrize("head,write", [(KET_LUAN, _giao), (KET_LUAN, _colon), (KET_LUAN, _de_nghi), (KET_LUAN, _own_line),
                                        (KE_HOACH, _labelled), (KE_HOACH, _inline)],
                         ids=["giao", "colon", "de_nghi", "own_line_time", "labelled_lines", "labelled_inline"])
def test_conclusion_and_plan_forms(head: str, write, ) -> None:
    body = "\n".join(write(i + 1, *t) for i, t in enumerate(TB660)) + "\n"
    doc = parse_text(head + body + CLOSING)
    got = [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in doc.tasks]
    assert [(g[0], g[1]) for g in got] == [(lead, support) for lead, support, _, _ in TB660]
    for (_, _, due), (_, _, _, time) in zip(got, TB660):
        assert (due is None) == (time is None) and (time is None or due.endswith(time))


def test_a_lead_label_that_names_no_body() -> None:
    body = "1. Rà soát, phê duyệt danh sách đối tượng được hỗ trợ\n- Cơ quan chủ trì: theo phân công của Trưởng ban.\n" \
           "- Thời gian thực hiện: Quý II/2025.\n"
    doc = parse_text(KE_HOACH + body + CLOSING)
    assert [(t.lead, t.deadline.text if t.deadline else None) for t in doc.tasks] == [([], "Thời gian thực hiện: Quý II/2025")]
    assert any(w.code == "task_assignee_unclear" and "theo phân công" in w.message for w in doc.warnings)


def test_a_lead_marked_in_a_name_list() -> None:
    body = ("1. Giao Sở Xây dựng (chủ trì), Sở Tài chính, UBND huyện Bình Sơn rà soát, đề xuất phương án hỗ trợ; hoàn "
            "thành trong tháng 6/2025.\n2. Giao Sở Xây dựng chủ trì, phối hợp với UBND các huyện đẩy nhanh tiến độ.\n")
    doc = parse_text(KET_LUAN + body + CLOSING)
    assert [(t.lead, t.support) for t in doc.tasks] == [
        (["Sở Xây dựng"], ["Sở Tài chính", "UBND huyện Bình Sơn"]),
        (["Sở Xây dựng"], ["UBND các huyện"]),  # "đẩy nhanh" starts the action
    ]


TABLES16 = [
    Form("lead_first", [["STT", "Đơn vị chủ trì", "Nội dung nhiệm vụ", "Thời gian hoàn thành", "Đơn vị phối hợp"]], [
        _r(["1", "Sở Tài chính", "Tham mưu phân bổ nguồn vốn hỗ trợ xóa nhà tạm", "Trước ngày 30/6/2025", "Ủy ban MTTQ Việt Nam tỉnh; Sở Xây dựng"],
           ["Sở Tài chính"], ["Ủy ban MTTQ Việt Nam tỉnh", "Sở Xây dựng"], "Trước ngày 30/6/2025"),
        _r(["2", "Sở Xây dựng", "Hướng dẫn thiết kế mẫu nhà ở", "Tháng 7/2025", "UBND các huyện, thị xã, thành phố"],
           ["Sở Xây dựng"], ["UBND các huyện, thị xã, thành phố"], "Tháng 7/2025"),
    ]),
    Form("time_first", [["TT", "Thời gian", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]], [
        _r(["1", "Quý II/2025", "Rà soát, phê duyệt danh sách đối tượng được hỗ trợ", "Sở Lao động - Thương binh và Xã hội", "UBND các huyện"],
           ["Sở Lao động - Thương binh và Xã hội"], ["UBND các huyện"], "Quý II/2025"),
        _r(["2", "Tháng 12/2025", "Tổng kết Chương trình", "Sở Xây dựng", "Các sở, ban, ngành"],
           ["Sở Xây dựng"], ["Các sở, ban, ngành"], "Tháng 12/2025"),
    ]),
    # one "Cơ quan thực hiện" column: the body marked "(chủ trì)" leads, the others assist
    Form("thuc_hien_mark", [["TT", "Nội dung công việc", "Cơ quan thực hiện", "Thời gian"]], [
        _r(["1", "Rà soát đối tượng", "Sở Lao động - Thương binh và Xã hội (chủ trì); UBND các huyện", "Quý II/2025"],
           ["Sở Lao động - Thương binh và Xã hội"], ["UBND các huyện"], "Quý II/2025"),
        _r(["2", "Vận động nguồn lực", "Ủy ban MTTQ Việt Nam tỉnh (chủ trì), Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh", "Năm 2025"],
           ["Ủy ban MTTQ Việt Nam tỉnh"], ["Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh"], "Năm 2025"),
    ]),
    # the time cell merged with the one below it (rowspan): both rows have that time
    Form("merged_time", [["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]], [
        _r(["1", "Rà soát đối tượng", "Sở Lao động - Thương binh và Xã hội", "UBND các huyện", "Quý III/2025"],
           ["Sở Lao động - Thương binh và Xã hội"], ["UBND các huyện"], "Quý III/2025"),
        _r(["2", "Phê duyệt danh sách", "Sở Xây dựng", "UBND các huyện", ""],
           ["Sở Xây dựng"], ["UBND các huyện"], "Quý III/2025", merged_up={4}),
    ]),
]


@pytest.mark.parametrize("form", TABLES16, ids=[f.name for f in TABLES16])
@pytest.mark.parametrize("render", ["html", "docx", "md"])
def test_task_tables_in_other_orders(form: Form, render: str, tmp_path: Path) -> None:
    assert forms._read(forms.written(form, render, tmp_path)) == forms._expected(form)


def test_a_request_heading_and_a_dash_heading() -> None:
    # "Giao X chủ trì, phối hợp với Y:" then items: each item is X's, assisted by Y; "- Sở Xây dựng:" then "+" items
    # (read by the provisions as its siblings); a body's role put after its name
    body = """1. Giao Sở Xây dựng chủ trì, phối hợp với các cơ quan liên quan:
a) Hướng dẫn thiết kế mẫu nhà ở, hoàn thành trong tháng 6/2025.
b) Kiểm tra, đôn đốc các địa phương thực hiện.
2. Về nhiệm vụ thời gian tới:
- Sở Tài chính:
+ Tham mưu bố trí kinh phí, hoàn thành trước ngày 15/6/2025.
+ Hướng dẫn thanh quyết toán kinh phí hỗ trợ.
- UBND các huyện, thị xã, thành phố: Khẩn trương rà soát, phê duyệt đối tượng.
3. Giao Sở Nội vụ là cơ quan thường trực, chủ trì, phối hợp với Sở Tư pháp tham mưu kiện toàn Ban Chỉ đạo.
"""
    doc = parse_text(KET_LUAN + body + CLOSING)
    assert [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in doc.tasks] == [
        (["Sở Xây dựng"], ["các cơ quan liên quan"], "trong tháng 6/2025"),
        (["Sở Xây dựng"], ["các cơ quan liên quan"], None),
        (["Sở Tài chính"], [], "trước ngày 15/6/2025"),
        (["Sở Tài chính"], [], None),
        (["UBND các huyện, thị xã, thành phố"], [], None),
        (["Sở Nội vụ"], ["Sở Tư pháp"], None),
    ]


def test_requests_that_announce_their_items() -> None:
    body = """1. Đề nghị Ủy ban MTTQ Việt Nam tỉnh:
a) Vận động các tổ chức, cá nhân ủng hộ Quỹ.
b) Phối hợp với Sở Lao động - Thương binh và Xã hội giám sát việc hỗ trợ.
2. Yêu cầu UBND các huyện, thị xã, thành phố thực hiện các nhiệm vụ sau:
a) Rà soát, phê duyệt đối tượng trước ngày 15/6/2025.
b) Báo cáo kết quả thực hiện về Sở Xây dựng.
3. Giao các Sở: Xây dựng, Tài chính, Lao động - Thương binh và Xã hội theo chức năng, nhiệm vụ hướng dẫn các địa phương.
"""
    doc = parse_text(KET_LUAN + body + CLOSING)
    assert [(t.lead, t.support, t.deadline.text if t.deadline else None) for t in doc.tasks] == [
        (["Ủy ban MTTQ Việt Nam tỉnh"], [], None),  # (the intro itself is no task of its own)
        (["Ủy ban MTTQ Việt Nam tỉnh"], ["Sở Lao động - Thương binh và Xã hội"], None),
        (["UBND các huyện, thị xã, thành phố"], [], "trước ngày 15/6/2025"),
        (["UBND các huyện, thị xã, thành phố"], [], None),
        (["Sở Xây dựng", "Sở Tài chính", "Sở Lao động - Thương binh và Xã hội"], [], None),
    ]
