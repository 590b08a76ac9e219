"""Each command imports only what it needs (issue 13, point 3): ``--help`` no model, ``validate`` no renderer nor
converter, ``render`` without ``--pdf`` no converter, ``check`` no model nor renderer.

Each case runs the command in a fresh interpreter and reads back the modules it imported, so that a top-level
import added anywhere on a command's path fails here. Time is not measured (bench/so_sanh.py does).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

SEED = FIXTURES / "tu-ky-antq-2022.yaml"
TOI_THIEU = FIXTURES / "toi-thieu.yaml"
DOCX_DUNG = FIXTURES.parent / "tests" / "corpus" / "dung--tu-tay-khung-van-ban.docx"  # made by hand, in Word

# Run docgen's main() with argv, then write the names of the modules imported to the file named first.
_CHAY = """
import importlib, json, sys
cli = importlib.import_module("docgen.cli.main")
code = cli.main(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"ma_thoat": code, "module": sorted(sys.modules)}, out)
"""

MO_HINH = ("docgen.model", "docgen.load.nap", "pydantic", "pydantic_core", "yaml")
DUNG = ("docgen.render.docx", "docgen.render.hau_ky", "docgen.pipeline", "docxtpl", "docx", "jinja2")
KIEM_TRA = ("docgen.check.doc_docx", "docgen.check.quy_tac_trang", "lxml")
CHUYEN = ("docgen.convert",)
MAN_HINH = ("rich",)
SAU_NAY = ("docgen.register", "docgen.so_dang_ky", "sqlalchemy", "psycopg",  # the register (issue 14), and
           "docgen.sign", "docgen.ky_so", "pyhanko", "pkcs11", "pdfminer", "PIL")  # signing (issue 15): only the
# commands that use them


def _nhap(tmp_path: Path, *args: str | Path) -> tuple[int, set[str]]:
    """Run ``docgen ARGS`` in a new interpreter: its exit status and the modules it imported."""
    record = tmp_path / "module.json"
    proc = subprocess.run([sys.executable, "-c", _CHAY, str(record), *map(str, args)], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert record.exists(), proc.stderr
    result = json.loads(record.read_text("utf-8"))
    return result["ma_thoat"], set(result["module"])


def _co(modules: set[str], *names: str) -> list[str]:
    """Those of ``names`` imported: the module itself or one inside it."""
    return [n for n in names if any(m == n or m.startswith(n + ".") for m in modules)]


@pytest.mark.parametrize("args", [("--help",), ("render", "--help"), ("validate", "--help"), ("check", "--help"),
                                  ("new", "--help"), ("pdf", "--help"), ("sign", "--help"), ("verify", "--help"),
                                  ("register", "--help"), ("register", "list", "--help"),
                                  ("--version",)],
                         ids=" ".join)
def test_help_imports_click_and_nothing_of_the_model_renderer_checker_or_converter(tmp_path: Path,
                                                                                   args: tuple[str, ...]) -> None:
    code, modules = _nhap(tmp_path, *args)
    assert code == 0
    assert "click" in modules and "docgen.cli.main" in modules
    assert _co(modules, *MO_HINH, *DUNG, *KIEM_TRA, *CHUYEN, *MAN_HINH, *SAU_NAY) == []


def test_validate_imports_the_model_and_no_renderer_nor_converter(tmp_path: Path) -> None:
    code, modules = _nhap(tmp_path, "validate", SEED)
    assert code == 0
    assert _co(modules, "docgen.model", "pydantic") == ["docgen.model", "pydantic"]
    assert _co(modules, *DUNG, *CHUYEN, "docgen.check.doc_docx", *SAU_NAY) == []


def test_render_without_pdf_imports_the_renderer_and_checker_and_no_converter(tmp_path: Path) -> None:
    code, modules = _nhap(tmp_path, "render", TOI_THIEU, "-o", tmp_path / "ra")
    assert code == 0
    assert (tmp_path / "ra" / "toi-thieu.docx").is_file()
    assert _co(modules, "docxtpl", "docgen.check.doc_docx") == ["docxtpl", "docgen.check.doc_docx"]
    assert _co(modules, *CHUYEN, *SAU_NAY) == []


def test_render_with_workers_leaves_the_renderer_model_and_checker_to_them(tmp_path: Path) -> None:
    files = [tmp_path / f"bc-{i}.yaml" for i in range(3)]
    for path in files:
        shutil.copy(TOI_THIEU, path)
    code, modules = _nhap(tmp_path, "render", *files, "-o", tmp_path / "ra", "-j", "2")
    assert code == 0 and sorted(p.name for p in (tmp_path / "ra").iterdir()) == ["bc-0.docx", "bc-1.docx", "bc-2.docx"]
    assert "docgen.lo_hang.dieu_phoi" in modules
    assert _co(modules, *MO_HINH, *DUNG, *KIEM_TRA, *CHUYEN, *SAU_NAY, "docgen.lo_hang.tho") == []
    code, modules = _nhap(tmp_path, "render", TOI_THIEU, "-o", tmp_path / "mot")  # one file: no worker machinery
    assert code == 0 and _co(modules, "docgen.lo_hang.dieu_phoi", "multiprocessing.context") == []


def test_check_imports_the_checker_and_no_model_renderer_nor_converter(tmp_path: Path) -> None:
    code, modules = _nhap(tmp_path, "check", DOCX_DUNG)
    assert code == 0
    assert _co(modules, "docgen.check.doc_docx") == ["docgen.check.doc_docx"]
    assert _co(modules, *MO_HINH, *DUNG, *CHUYEN, *SAU_NAY) == []


@pytest.mark.parametrize("args", [("new", FIXTURES / "cax-gia-vien-2025-10.yaml", "-o", "moi.yaml",
                                   "--cho-phep-tep-ngoai"),
                                  ("fix-encoding", "sua.yaml"), ("schema",)], ids=lambda a: str(a[0]))
def test_data_file_commands_import_no_renderer_nor_converter(tmp_path: Path, args: tuple[str | Path, ...]) -> None:
    shutil.copy(TOI_THIEU, tmp_path / "sua.yaml")
    code, modules = _nhap(tmp_path, *args)
    assert code == 0
    assert _co(modules, *DUNG, *CHUYEN, *KIEM_TRA, *SAU_NAY) == []


def test_sign_imports_the_signing_room_and_no_model_renderer_checker_nor_converter(tmp_path: Path) -> None:
    code, modules = _nhap(tmp_path, "sign", "khong-co.pdf", "-o", "ra.pdf", "--vai-tro", "nguoi-ky", "--p12",
                          "khong-co.p12", "--anh-chu-ky", "khong-co.png", "--mat-khau-tep", "khong-co.txt")
    assert code == 1  # the password file is missing: said in Vietnamese, after the signing modules were loaded
    assert _co(modules, "docgen.ky_so") == ["docgen.ky_so"]
    assert _co(modules, *MO_HINH, *DUNG, *KIEM_TRA, *CHUYEN) == []


def test_register_commands_import_the_register_and_no_model_renderer_checker_nor_converter(tmp_path: Path) -> None:
    from docgen.so_dang_ky import SoDangKy

    SoDangKy.mo(str(tmp_path / "so.sqlite")).dong()
    code, modules = _nhap(tmp_path, "register", "list", "--register", tmp_path / "so.sqlite")
    assert code == 0
    assert _co(modules, "docgen.so_dang_ky", "sqlalchemy") == ["docgen.so_dang_ky", "sqlalchemy"]
    assert _co(modules, *MO_HINH, *DUNG, *KIEM_TRA, *CHUYEN, "docgen.ky_so", "pyhanko") == []


def test_verify_imports_the_verifying_room_and_no_model_renderer_docx_checker_nor_converter(tmp_path: Path) -> None:
    (tmp_path / "khong-phai.pdf").write_text("không phải PDF", encoding="utf-8")
    code, modules = _nhap(tmp_path, "verify", "khong-phai.pdf")
    assert code == 2  # not a PDF: said after the verifying modules were loaded
    assert _co(modules, "docgen.xac_minh", "pyhanko") == ["docgen.xac_minh", "pyhanko"]
    assert _co(modules, *MO_HINH, *DUNG, *KIEM_TRA, *CHUYEN, "docgen.so_dang_ky", "sqlalchemy") == []


def test_python_m_docgen_runs_the_commands(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "docgen", "--help"], capture_output=True, text=True, timeout=60,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Lệnh cho cán bộ" in proc.stdout and proc.stdout.startswith("Cách dùng: docgen ")

