"""A resolution of the National Assembly around the provisions a task test writes (tests/test_task_nocue18.py,
tests/test_task_att19.py): the header, the scope article and the closing (a generated text in the form of the dev set's resolutions)."""

RESOLUTION_HEAD = """QUỐC HỘI
Nghị quyết số: 99/2025/QH15
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 11 tháng 12 năm 2025
NGHỊ QUYẾT
Về một số cơ chế, chính sách đặc thù
QUỐC HỘI
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
QUYẾT NGHỊ:
Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định một số cơ chế, chính sách đặc thù.
"""

RESOLUTION_TAIL = """Nghị quyết này được Quốc hội khóa XV thông qua ngày 11 tháng 12 năm 2025.
CHỦ TỊCH QUỐC HỘI
Trần Thanh Mẫn
"""
