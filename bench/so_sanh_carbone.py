"""Carbone, the peer of bench/so_sanh.py's PDF row: the npm package installed by the benchmark into a temporary folder
with the machine's node and npm, converting the DOCX files docgen made to PDF through LibreOffice with two factories
(``factories: 2``, started at launch). A machine without node, npm, the registry or LibreOffice gives the reason
instead of figures."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from so_sanh_do_dac import LanChay, chay_lenh

PHIEN_BAN = "carbone@^3.5"

# Prints the seconds from node's start to both factories ready and to the last PDF written, then exits (Carbone
# kills its LibreOffice processes on exit). Conversions are queued only once both factories are up, so
# ``xong - san_sang`` is Carbone's conversion rate alone and the whole run its rate from a cold start.
_CHUONG_TRINH = r"""
const { performance } = require('perf_hooks');
const fs = require('fs');
const path = require('path');
const carbone = require('carbone');
const converter = require('carbone/lib/converter');
const [tempPath, listFile, outDir] = process.argv.slice(2);
const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
carbone.set({ tempPath: tempPath, factories: 2 });
converter.init({ factories: 2, startFactory: true }, () => {
  const ready = performance.now();
  let left = files.length, failed = 0;
  for (const file of files) {
    carbone.convert(fs.readFileSync(file), { convertTo: 'pdf', extension: 'docx' }, (err, pdf) => {
      if (err) { failed++; console.error(file + ': ' + err); }
      else { fs.writeFileSync(path.join(outDir, path.basename(file, '.docx') + '.pdf'), pdf); }
      if (--left === 0) {
        console.log(JSON.stringify({ san_sang: ready / 1000, xong: performance.now() / 1000, loi: failed }));
        process.exit(failed ? 1 : 0);
      }
    });
  }
});
"""


@dataclass(frozen=True)
class KetQuaCarbone:
    """One Carbone run: the whole process's run (wall, processor time of its tree, memory) and, from inside it, the
    seconds to both factories ready and to the last PDF."""

    lan_chay: LanChay
    san_sang: float
    xong: float

    @property
    def giay_chuyen(self) -> float:
        """Seconds converting, factories already up."""
        return self.xong - self.san_sang


def cai_carbone(thu_muc: Path) -> str | None:
    """Install Carbone into ``thu_muc``; None when it is there, else why not (in Vietnamese, for the table)."""
    for tool in ("node", "npm", "soffice"):
        if shutil.which(tool) is None:
            return f"không có {tool} trên máy"
    try:
        done = subprocess.run(["npm", "install", "--prefix", str(thu_muc), "--no-audit", "--no-fund",
                               "--loglevel=error", PHIEN_BAN], capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return "npm install carbone quá 300 giây"
    if done.returncode != 0:
        return f"npm install carbone lỗi: {(done.stderr or done.stdout).strip().splitlines()[-1:]}"
    return None


def _moi_truong() -> dict[str, str]:
    """Carbone looks for ``soffice.bin`` and a ``python3`` with LibreOffice's ``uno`` on PATH: LibreOffice's
    program folder and the system's Python first (not this benchmark's virtualenv)."""
    soffice = Path(os.path.realpath(shutil.which("soffice") or "soffice"))
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(soffice.parent), "/usr/bin", "/bin", env.get("PATH", "")])
    return env


def chuyen_pdf(thu_muc: Path, docx: list[Path], ra: Path) -> KetQuaCarbone:
    """Convert ``docx`` into ``ra`` with the Carbone installed in ``thu_muc``; a failure stops the benchmark."""
    script = thu_muc / "so_sanh.js"
    script.write_text(_CHUONG_TRINH, encoding="utf-8")
    files = thu_muc / "tep.json"
    files.write_text(json.dumps([str(p.resolve()) for p in docx]), encoding="utf-8")
    (thu_muc / "tam").mkdir(exist_ok=True)
    ra.mkdir(parents=True, exist_ok=True)
    run = chay_lenh(["node", str(script), str(thu_muc / "tam"), str(files), str(ra)], cwd=thu_muc,
                    env=_moi_truong(), bo_nho=True)
    last = run.dau_ra.strip().splitlines()[-1:] if run.dau_ra.strip() else []
    if run.ma_thoat != 0 or not last or not last[0].startswith("{"):
        raise SystemExit(f"so_sanh: Carbone thoát với mã {run.ma_thoat}:\n{run.dau_ra[-3000:]}")
    inner = json.loads(last[0])
    return KetQuaCarbone(run, inner["san_sang"], inner["xong"])
