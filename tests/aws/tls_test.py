#!/usr/bin/env python3
"""TLS verification is always on and AWS_CA_BUNDLE is honoured: a local HTTPS server with a self-signed
certificate for 127.0.0.1 is refused by default and accepted once AWS_CA_BUNDLE names its certificate.

Usage: tls_test.py AWS_CALL_BINARY   (exit 77 when the openssl command is missing)
"""
import http.server
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading

ANSWER = (b"<GetCallerIdentityResponse><GetCallerIdentityResult><Account>111122223333</Account>"
          b"<Arn>arn:aws:iam::111122223333:user/tls</Arn><UserId>AIDA</UserId></GetCallerIdentityResult>"
          b"</GetCallerIdentityResponse>")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(ANSWER)))
        self.end_headers()
        self.wfile.write(ANSWER)

    def log_message(self, *_):
        pass


def main():
    aws_call = sys.argv[1]
    if shutil.which("openssl") is None:
        print("SKIP: openssl is not installed")
        return 77
    work = tempfile.mkdtemp(prefix="rg-tls-")
    try:
        cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                        "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        env = {"PATH": os.environ["PATH"], "HOME": work, "AWS_REGION": "us-east-1",
               "AWS_ENDPOINT_URL_STS": f"https://127.0.0.1:{server.server_address[1]}",
               "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
               "AWS_EC2_METADATA_DISABLED": "true"}
        refused = subprocess.run([aws_call, "sts", "GetCallerIdentity"], env=env, capture_output=True, text=True)
        trusted = subprocess.run([aws_call, "sts", "GetCallerIdentity"], env=dict(env, AWS_CA_BUNDLE=cert),
                                 capture_output=True, text=True)
        server.shutdown()
        failures = []
        if refused.returncode == 0 or "rootguard.Transport.tls" not in refused.stderr:
            failures.append(f"a self-signed certificate was not refused: {refused.stdout}{refused.stderr}")
        else:
            print("self-signed certificate refused without AWS_CA_BUNDLE")
        if trusted.returncode != 0 or "111122223333" not in trusted.stdout:
            failures.append(f"AWS_CA_BUNDLE was not honoured: {trusted.stderr}")
        else:
            print("accepted with AWS_CA_BUNDLE naming it")
        print("\n".join(failures))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
