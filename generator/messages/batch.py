"""Messages of batches (batch.py): finding the reports, clashes, a report's time limit, a fault of ours."""

from __future__ import annotations

NO_REPORT = "Không tìm thấy tệp báo cáo nào trong thư mục này."
NO_REPORT_HINT = (
    "Mỗi đơn vị là một thư mục có tệp don-vi.yaml; tệp báo cáo là tệp .yaml đặt trong thư mục đó, "
    "có dòng 'ky_bao_cao: ...' ở đầu dòng."
)
UNIT_FILE_GIVEN = "Đây là hồ sơ đơn vị, không phải tệp báo cáo."
UNIT_FILE_GIVEN_HINT = "Chỉ ghi tên tệp báo cáo (hoặc thư mục đơn vị); hồ sơ don-vi.yaml được đọc tự động."


def one_output_file(suffix: str) -> str:
    """-o names a file while several reports are built."""
    return f"-o TEP{suffix} chỉ dùng khi soạn một tệp báo cáo; khi soạn nhiều báo cáo, -o là thư mục."


def clash(others: str, target: str) -> str:
    """`others`: the other reports, quoted and joined by commas."""
    return f"Báo cáo này và {others} cùng ghi ra tệp '{target}': không soạn báo cáo nào trong số đó."


CLASH_HINT = "Đổi tên một trong các tệp báo cáo, hoặc soạn từng tệp riêng với -o."

STAGES = {  # the stage a report was at when its time ran out, by the baocao subpackage running
    "input": "đọc, kiểm tra tệp YAML",
    "figures": "tính số liệu",
    "compose": "soạn câu văn, bảng",
    "document": "soạn câu văn, bảng",
    "writers": "điền mẫu Word",
}


def over_time(seconds: str) -> str:
    return f"Báo cáo soạn quá {seconds} giây nên bị dừng."


def over_time_at(seconds: str, stage: str) -> str:
    """`stage`: one of STAGES."""
    return f"Báo cáo soạn quá {seconds} giây nên bị dừng (đang {stage})."


OVER_TIME_HINT = (
    "Báo cáo thường soạn xong trong một giây: xem lại vòng lặp trong mẫu Word, bảng hoặc số liệu quá lớn; "
    "báo cáo rất dài hay máy chậm thì tăng giới hạn: --gioi-han-giay N (0: không giới hạn)."
)


def crashed(error: str) -> str:
    """`error`: the exception's class and text (a fault of the program, told as it is for the maintainer)."""
    return f"Chương trình gặp lỗi khi soạn báo cáo này ({error})."


CRASHED_HINT = "Đây là lỗi của chương trình, không phải của tệp báo cáo: hãy báo cho người phụ trách."
