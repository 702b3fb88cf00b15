"""Small synthetic documents for the linking tests: a header the parser reads as real ones, and a body of citations."""
from __future__ import annotations

from pathlib import Path


def render(issuer: str, number: str, date: tuple[int, int, int], doc_type: str, subject: str, body: str, *,
           place: str = "Phan Thiết", parent: str | None = None) -> str:
    d, m, y = date
    head = (parent.upper() + "\n" if parent else "") + issuer.upper()
    return (
        f"{head}\nSố: {number}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"{place}, ngày {d:02d} tháng {m:02d} năm {y}\n{doc_type.upper()}\n{subject}\n{body}\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


STTTT_2286 = render(
    "Sở Thông tin và Truyền thông", "2286/STTTT-CNTT", (10, 10, 2022), "Công văn",
    "V/v một số nhận thức chung về chuyển đổi số",
    "Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.\n"
    "Sở Thông tin và Truyền thông gửi kèm theo Thông báo kết luận của Bộ trưởng để các đơn vị nghiên cứu.",
    place="Hạ Long", parent="UBND tỉnh Quảng Ninh",
)

CITES_2286 = render(
    "Ủy ban nhân dân thành phố Cẩm Phả", "4300/UBND-VHTT", (20, 10, 2022), "Công văn", "V/v chuyển đổi số",
    "Căn cứ Công văn số 2286/STTTT-CNTT ngày 10/10/2022 của Sở Thông tin và Truyền thông về chuyển đổi số;\n"
    "Ủy ban nhân dân thành phố đề nghị các phòng, ban thực hiện.",
    place="Cẩm Phả",
)
