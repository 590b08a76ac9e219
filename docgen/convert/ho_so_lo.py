"""A LibreOffice user profile prepared once and copied into each new private folder: a faster first start.

A LibreOffice started on an empty profile first builds it (extension registries, configuration), a tenth of a
cold conversion's processor time. docgen builds one once per LibreOffice installation, by converting a one-line
text file, in ``$XDG_CACHE_HOME/docgen`` (``~/.cache/docgen``), named by a digest of the installation's
``versionrc`` (its version and build) and path, so an upgrade gets a profile of its own. Two processes preparing
at once each build in a folder of their own and rename it into place; the first rename wins, the other folder is
removed. Without a cache (read-only home, no ``versionrc``, LibreOffice failing to prepare), each LibreOffice
starts on an empty profile as before: never an error.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from docgen.convert.tien_trinh import TienTrinh, giet, moi_truong_tam, ong_mot_phien_ban, xoa_ong

THOI_HAN_CHUAN_BI = 60.0  # seconds LibreOffice may take to prepare a profile
TIEN_TO_CHUAN_BI = "dang-chuan-bi-"  # a profile being prepared, in the cache folder


def thu_muc_cache() -> Path:
    """docgen's cache folder: ``$XDG_CACHE_HOME/docgen``, else ``~/.cache/docgen``."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "docgen"


def phien_ban_lo(soffice: str) -> str | None:
    """A short digest naming this LibreOffice installation and version; None when its ``versionrc`` is not found."""
    program = Path(os.path.realpath(shutil.which(soffice) or soffice)).parent
    try:
        version = (program / "versionrc").read_bytes()
    except OSError:
        return None
    return hashlib.sha256(str(program).encode() + b"\0" + version).hexdigest()[:16]


def ho_so_lo(soffice: str) -> Path | None:
    """The prepared profile for ``soffice``, prepared now if there is none yet; None when none can be had."""
    version = phien_ban_lo(soffice)
    if version is None:
        return None
    target = thu_muc_cache() / f"libreoffice-ho-so-{version}"
    if (target / "user").is_dir():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _xoa_ban_do(target.parent)
        work = Path(tempfile.mkdtemp(prefix=TIEN_TO_CHUAN_BI, dir=target.parent))
    except OSError:
        return None
    try:
        if _chuan_bi(soffice, work):
            try:
                os.rename(work / "ho-so", target)
            except OSError:
                pass  # another process renamed its profile first: that one serves
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target if (target / "user").is_dir() else None


def _xoa_ban_do(cache: Path) -> None:
    """Remove profiles left half-prepared by a process killed meanwhile (older than any preparation takes)."""
    for folder in cache.glob(f"{TIEN_TO_CHUAN_BI}*"):
        try:
            if time.time() - folder.stat().st_mtime > 2 * THOI_HAN_CHUAN_BI:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


def _chuan_bi(soffice: str, work: Path) -> bool:
    """Let LibreOffice build its profile in ``work/ho-so`` by converting a one-line text file; whether it did."""
    (work / "tam").mkdir()
    (work / "mau.txt").write_text("docgen\n", encoding="utf-8")
    profile = (work / "ho-so").as_uri()
    env = {**os.environ, **moi_truong_tam(work / "tam")}
    proc: TienTrinh | None = None
    try:
        proc = subprocess.Popen([soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--nologo",
                                 "--norestore", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir",
                                 str(work / "ra"), str(work / "mau.txt")], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        proc.wait(THOI_HAN_CHUAN_BI)
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        giet(proc)  # its session too: soffice.bin, should it outlive oosplash
        xoa_ong([ong_mot_phien_ban(profile)])
    return (work / "ra" / "mau.pdf").is_file() and (work / "ho-so" / "user").is_dir()


def chep_ho_so_lo(soffice: str, dich: Path) -> None:
    """Copy the prepared profile to ``dich`` (a new private folder's profile); nothing when there is none."""
    source = ho_so_lo(soffice)
    if source is None:
        return
    try:
        shutil.copytree(source, dich, symlinks=True)
    except (OSError, shutil.Error):
        shutil.rmtree(dich, ignore_errors=True)  # LibreOffice builds an empty profile itself, as before
