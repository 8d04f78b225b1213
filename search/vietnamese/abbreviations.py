"""Abbreviations newsrooms use, with their full forms: the built-in list.

Editors extend it in the admin (snippet "Viết tắt", ``exemplars_search.Synonym``).
Each entry is ``abbreviation: [full forms]``; an abbreviation written with a
dot, a hyphen or a space ("TP.HCM", "KT-XH") also matches run together
("TPHCM", "KTXH"), since punctuation separates words.
"""

from __future__ import annotations

BUILTIN: dict[str, list[str]] = {
    "UBND": ["ủy ban nhân dân"],
    "HĐND": ["hội đồng nhân dân"],
    "MTTQ": ["Mặt trận Tổ quốc"],
    "UBMTTQ": ["Ủy ban Mặt trận Tổ quốc"],
    "HTX": ["hợp tác xã"],
    "THPT": ["trung học phổ thông"],
    "THCS": ["trung học cơ sở"],
    "TP.HCM": ["Thành phố Hồ Chí Minh"],
    "TP": ["thành phố"],
    "CCB": ["cựu chiến binh"],
    "ĐBSCL": ["Đồng bằng sông Cửu Long"],
    "BHYT": ["bảo hiểm y tế"],
    "BHXH": ["bảo hiểm xã hội"],
    "NTM": ["nông thôn mới"],
    "KT-XH": ["kinh tế - xã hội"],
    "CNH-HĐH": ["công nghiệp hóa, hiện đại hóa"],
    "ATGT": ["an toàn giao thông"],
    "ANTT": ["an ninh trật tự"],
    "CSGT": ["cảnh sát giao thông"],
    "PCCC": ["phòng cháy chữa cháy"],
    "LĐLĐ": ["Liên đoàn Lao động"],
    "HLHPN": ["Hội Liên hiệp Phụ nữ"],
    "TNCS": ["Thanh niên Cộng sản"],
    "TNXP": ["thanh niên xung phong"],
    "QĐND": ["Quân đội nhân dân"],
    "CAND": ["Công an nhân dân"],
    "GD-ĐT": ["giáo dục và đào tạo", "giáo dục - đào tạo"],
    "KH-CN": ["khoa học và công nghệ", "khoa học - công nghệ"],
    "TDTT": ["thể dục thể thao"],
    "VH-TT-DL": ["văn hóa, thể thao và du lịch"],
    "LĐ-TB-XH": ["lao động - thương binh và xã hội"],
    "NN-PTNT": ["nông nghiệp và phát triển nông thôn"],
    "DTTS": ["dân tộc thiểu số"],
    "BCH": ["ban chấp hành"],
    "CNTT": ["công nghệ thông tin"],
    "KCN": ["khu công nghiệp"],
    "GPMB": ["giải phóng mặt bằng"],
    "ATTP": ["an toàn thực phẩm"],
    "VSATTP": ["vệ sinh an toàn thực phẩm"],
    "XKLĐ": ["xuất khẩu lao động"],
    "HSSV": ["học sinh, sinh viên"],
    "CBCNVC": ["cán bộ, công nhân viên chức"],
}
