"""The benchmark's documents (bench/so_sanh.py): N seed-size and N monthly-size data files, each with its own numbers.

Seed-size files are the seed (fixtures/tu-ky-antq-2022.yaml) with another số, date, counts in its text and one
sentence of its own; monthly-size files are the police monthly report (fixtures/cax-gia-vien-2025-10.yaml) with
another số, date and figures (each column's figures scaled together, so every rate keeps its meaning), beside a
copy of the agency profile it names. Every value is written as text, as docgen reads it. The same seed gives the
same files.
"""
from __future__ import annotations

import copy
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "tu-ky-antq-2022.yaml"
THANG = FIXTURES / "cax-gia-vien-2025-10.yaml"
THAN = ("dac_diem_tinh_hinh", "ket_qua", "nhan_xet_danh_gia", "phuong_huong_nhiem_vu")  # the seed's body

# a count printed before one of these words is a count of things, never part of a date or a document number
_SO_DEM = re.compile(r"(?<![\d/.,-])(\d{2,3})(?= (?:mô hình|lượt|đội|câu lạc bộ|công dân|đồng chí|Công an viên|"
                     r"doanh nghiệp|cơ quan|thôn|đoàn viên))")
_COT_SO_LIEU = ("gia_tri", "ky_truoc", "cung_ky")


def _doc(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return data


def _ghi(data: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000), encoding="utf-8")
    return path


def _doi_so_dem(value: Any, rng: random.Random) -> Any:
    """``value`` with every count in its text redrawn with as many digits (strings inside lists and mappings too)."""
    if isinstance(value, str):
        return _SO_DEM.sub(lambda m: str(rng.randrange(10 ** (len(m.group(1)) - 1), 10 ** len(m.group(1)))), value)
    if isinstance(value, list):
        return [_doi_so_dem(item, rng) for item in value]
    if isinstance(value, dict):
        return {key: _doi_so_dem(item, rng) for key, item in value.items()}
    return value


def bao_cao_seed(i: int, thu_muc: Path) -> Path:
    """The ``i``-th seed-size data file, written in ``thu_muc``."""
    rng = random.Random(f"seed-{i}")
    data = _doc(SEED)
    data["so"] = str(1 + (i * 7) % 998)
    data["ngay_ban_hanh"] = f"2022-12-{1 + i % 28:02d}"
    for key in THAN:
        data[key] = _doi_so_dem(data[key], rng)
    data["dac_diem_tinh_hinh"]["noi_dung"].append(
        f"Trong kỳ, lực lượng chức năng đã tổ chức {rng.randrange(10, 999)} lượt kiểm tra tại "
        f"{rng.randrange(2, 23)} xã, thị trấn (bản tổng hợp thứ {i + 1}).")
    return _ghi(data, thu_muc / f"seed-{i:03d}.yaml")


def bao_cao_thang(i: int, thu_muc: Path) -> Path:
    """The ``i``-th monthly-size data file, written in ``thu_muc`` beside the agency profile it names."""
    rng = random.Random(f"thang-{i}")
    profile = thu_muc / "ho-so"
    if not profile.exists():
        shutil.copytree(FIXTURES / "ho-so", profile)
    data = _doc(THANG)
    data["so"] = str(1 + (i * 7) % 998)
    data["ngay_ban_hanh"] = f"2025-10-{15 + i % 14:02d}"
    scale = {column: rng.randrange(1, 5) for column in _COT_SO_LIEU}
    for indicator in data["chi_tieu"].values():
        for column in _COT_SO_LIEU:
            if column in indicator:
                indicator[column] = _nhan(indicator[column], scale[column])
    return _ghi(data, thu_muc / f"thang-{i:03d}.yaml")


def _nhan(text: str, scale: int) -> str:
    """A figure written as text, times ``scale``, written as text again (one decimal when it has one)."""
    return str(int(text) * scale) if text.isdigit() else f"{float(text) * scale:.1f}"


def bao_cao_lon(lan: int, thu_muc: Path, ca_than: bool = False) -> Path:
    """The seed with its ``ket_qua`` blocks written ``lan`` times (copies: the YAML has no anchors docgen counts);
    with ``ca_than`` every block of its body (each part's and sub-part's ``noi_dung``: 3,486 paragraphs at 50)."""
    data = _doc(SEED)
    parts = [data["ket_qua"]]
    if ca_than:
        parts = [p for name in THAN for p in (data[name], *(v for v in data[name].values() if isinstance(v, dict)))]
    for part in parts:
        if "noi_dung" in part:
            part["noi_dung"] = [copy.deepcopy(block) for _ in range(lan) for block in part["noi_dung"]]
    return _ghi(data, thu_muc / f"seed-x{lan}{'-than' if ca_than else ''}.yaml")
