"""Text shapes for the linear-time checks (issue 14): each generator returns about ``size`` characters of one
shape that once made an extractor, the zoner or normalisation super-linear, or could.  Used by
tests/test_linearity.py (small sizes, in CI) and scripts/linearity.py (1 MB → 10 MB)."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Callable

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "samples" / "cong_van_4231_ubnd_camp_pha.txt"

PROSE = ("Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện "
         "triển khai thực hiện nghiêm túc các nội dung nêu trên, báo cáo kết quả trước ngày 15 tháng 12 năm 2024. ")


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _lines(make: Callable[[int], str], size: int) -> str:
    out: list[str] = []
    total = 0
    i = 0
    while total < size:
        line = make(i)
        out.append(line)
        total += len(line) + 1
        i += 1
    return "\n".join(out)


def _citations(i: int) -> str:
    kinds = ("Nghị định số {n}/{y}/NĐ-CP ngày {d} tháng {m} năm {y} của Chính phủ",
             "Thông tư số {n}/{y}/TT-BTC ngày {d}/{m}/{y} của Bộ Tài chính",
             "Quyết định số {n}/QĐ-UBND ngày {d}/{m}/{y} của UBND tỉnh",
             "Công văn số {n}/UBND-VX ngày {d}/{m}/{y}")
    return "- Căn cứ " + kinds[i % 4].format(n=i % 997 + 1, y=2000 + i % 25, d=i % 28 + 1, m=i % 12 + 1) + ";"


def _table_row(i: int) -> str:
    return f"| {i} | Sở Tài chính | Rà soát hồ sơ số {i}/STC | Trước ngày {i % 28 + 1}/{i % 12 + 1}/2024 | |"


def _provisions(i: int) -> str:
    if i % 20 == 0:
        return f"Điều {i // 20 + 1}. Quy định chung"
    return f"{i % 20}. Nội dung khoản thứ {i % 20} của điều."


SHAPES: dict[str, Callable[[int], str]] = {
    "numbered_lines": lambda n: _repeat("1.\n", n),
    "dates": lambda n: _lines(lambda i: f"ngày {i % 28 + 1} tháng {i % 12 + 1} năm {2000 + i % 25}", n),
    "date_slashes": lambda n: _repeat("05/3/2020 ", n),
    "prose_one_line": lambda n: _repeat(PROSE, n),
    "prose_lines": lambda n: _lines(lambda i: PROSE.strip(), n),
    "real_document": lambda n: _repeat(SAMPLE.read_text(encoding="utf-8") + "\n", n),
    "table_rows": lambda n: _lines(_table_row, n),
    "citations": lambda n: _lines(_citations, n),
    "long_number": lambda n: _repeat("1234567890", n),
    "dieu_headings": lambda n: _lines(lambda i: f"Điều {i + 1}. Phạm vi điều chỉnh", n),
    "provisions": lambda n: _lines(_provisions, n),
    "dieu_bare": lambda n: _repeat("Điều ", n),
    "number_symbols": lambda n: _repeat("Số: 123/QĐ-UBND ", n),
    "kinh_gui": lambda n: _lines(lambda i: "Kính gửi: Sở Nội vụ;", n),
    "noi_nhan": lambda n: "Nơi nhận:\n" + _lines(lambda i: f"- Sở ban ngành số {i};", n),
    "signer_blocks": lambda n: _repeat("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n", n),
    "uppercase": lambda n: _repeat("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ", n),
    "blank_lines": lambda n: _repeat("\n", n),
    "spaces": lambda n: _repeat(" ", n),
    "dashes": lambda n: _repeat("-", n),
    "dots": lambda n: _repeat(".", n),
    "parentheses": lambda n: _repeat("(", n),
    "deadlines": lambda n: _lines(lambda i: f"- Sở Tài chính hoàn thành trước ngày {i % 28 + 1}/{i % 12 + 1}/2024;", n),
    "quotes": lambda n: _repeat("“", n),
    "bullets": lambda n: _repeat("- a\n", n),
    "letters": lambda n: _lines(lambda i: f"{'abcdđeghiklmnopqrstuvxy'[i % 23]}) Nội dung điểm", n),
    "mixed_random": lambda n: _random(n),
    "combining_marks": lambda n: _repeat("a\u0301\u0323", n),
}


def _random(size: int) -> str:
    rng = random.Random(14)
    words = ("Điều", "1.", "Số:", "ngày", "tháng", "năm", "2024", "Nghị định", "/NĐ-CP", "Kính gửi:", "-", "a)",
             "Sở", "UBND", "\n", "QUYẾT ĐỊNH", "Căn cứ", "trước", "15/3/2024", "(", ")", "“", "”", "./.")
    out: list[str] = []
    total = 0
    while total < size:
        w = rng.choice(words)
        out.append(w)
        total += len(w) + 1
    return " ".join(out)
