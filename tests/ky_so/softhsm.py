"""A real SoftHSM2 token (Debian softhsm2, opensc's pkcs11-tool), initialised in a temporary folder."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from tests.ky_so.chung_thu import ChungThu

MODULE = Path("/usr/lib/softhsm/libsofthsm2.so")
TOKEN, PIN, SO_PIN = "docgen-thu", "246810", "13579111"


def co_softhsm() -> bool:
    """SoftHSM2 and pkcs11-tool are installed (./run and .ci/run install them)."""
    return MODULE.is_file() and bool(shutil.which("softhsm2-util")) and bool(shutil.which("pkcs11-tool"))


def khoi_tao(thu_muc: Path, khoa: list[tuple[str, ChungThu, str]]) -> None:
    """A token ``TOKEN`` under ``thu_muc`` holding each (key label, key and certificate, certificate label), key and
    certificate under one CKA_ID: 01, 02… in that order; SOFTHSM2_CONF set."""
    (thu_muc / "tokens").mkdir(parents=True)
    conf = thu_muc / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {thu_muc / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    _chay("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", SO_PIN)
    for number, (label, ct, cert_label) in enumerate(khoa, start=1):
        key_file = thu_muc / f"{number}.key.pem"
        key_file.write_bytes(ct.khoa.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption()))
        cert_file = thu_muc / f"{number}.cert.der"
        cert_file.write_bytes(ct.cert.public_bytes(serialization.Encoding.DER))
        key_id = f"{number:02x}"
        _chay("softhsm2-util", "--import", str(key_file), "--token", TOKEN, "--label", label, "--id", key_id,
              "--pin", PIN)
        _chay("pkcs11-tool", "--module", str(MODULE), "--token-label", TOKEN, "--login", "--pin", PIN,
              "--write-object", str(cert_file), "--type", "cert", "--label", cert_label, "--id", key_id)
        key_file.unlink()


def _chay(*args: str) -> None:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=60, env=os.environ.copy())
    assert proc.returncode == 0, f"{args[0]}: {proc.stdout}{proc.stderr}"
