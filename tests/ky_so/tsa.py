"""A local RFC 3161 time-stamp authority on 127.0.0.1 (pyHanko's DummyTimeStamper behind http.server)."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign.timestamps import DummyTimeStamper

from tests.ky_so.chung_thu import ChungThu


def _dummy(ct: ChungThu) -> DummyTimeStamper:
    cert = asn1_x509.Certificate.load(ct.cert.public_bytes(serialization.Encoding.DER))
    key = keys.PrivateKeyInfo.load(ct.khoa.private_bytes(serialization.Encoding.DER,
                                                         serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    return DummyTimeStamper(tsa_cert=cert, tsa_key=key)


@contextmanager
def may_tsa(ct: ChungThu) -> Iterator[str]:
    """A TSA signing with ``ct`` while the block runs; yields its URL."""
    stamper = _dummy(ct)

    class TraLoi(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802  http.server's name
            body = self.rfile.read(int(self.headers["Content-Length"]))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:  # quiet: pytest treats output as noise
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), TraLoi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
