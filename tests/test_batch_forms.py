"""A directory mixing every form people hold is accounted for file by file (issue 9)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import govinfo_report as gr
from govinfo_report.batch import collect_paths, parse_many
from tests.conftest import SEEDS
from tests.real_cells import REAL

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "WordDocument".encode("utf-16-le")


def _folder(root: Path) -> Path:
    folder = root / "site-dump"
    folder.mkdir()
    shutil.copy(SEEDS / "000_7047d3e44c49cbca.txt", folder / "a-text.txt")
    shutil.copy(REAL / "pingtan-2021.html", folder / "b-page.html")
    report = gr.parse_file(SEEDS / "001_c9535c3b51337c03.txt")
    (folder / "c-word.docx").write_bytes(gr.render(report, "docx"))
    (folder / "d-legacy.doc").write_bytes(OLE2)
    (folder / "e-scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "f-truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n")
    (folder / "g-renamed.docx").write_text("一、总体情况\n", encoding="utf-8")
    return folder


def test_every_file_has_its_record_and_every_failure_its_reason(tmp_path: Path) -> None:
    paths = collect_paths([_folder(tmp_path)])
    records = [json.loads(result.text) for result in parse_many(paths, fmt="jsonl", jobs=1)]
    by_name = {Path(record["path"]).name: record for record in records}
    assert sorted(by_name) == [
        "a-text.txt",
        "b-page.html",
        "c-word.docx",
        "d-legacy.doc",
        "e-scan.png",
        "f-truncated.pdf",
        "g-renamed.docx",
    ]
    for name in ("a-text.txt", "b-page.html", "c-word.docx"):
        assert by_name[name]["status"] == "ok", name
    assert by_name["b-page.html"]["report"]["agency"] == "平潭综合实验区"
    assert by_name["c-word.docx"]["report"]["source"]["form"] == "docx"
    reasons = {
        name: by_name[name]["error"]["message"] for name in by_name if by_name[name]["status"] == "error"
    }
    assert set(reasons) == {"d-legacy.doc", "e-scan.png", "f-truncated.pdf", "g-renamed.docx"}
    assert "旧版Word文件（.doc）" in reasons["d-legacy.doc"]
    assert "另存为" in reasons["d-legacy.doc"]
    assert "图片" in reasons["e-scan.png"]
    assert "PDF" in reasons["f-truncated.pdf"]
    assert reasons["g-renamed.docx"]  # a text file named .docx: its own reason, not a traceback
    assert all("内部错误" not in reason for reason in reasons.values())
