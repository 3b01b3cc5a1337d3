# SPDX-License-Identifier: EUPL-1.2
"""A real SMTP server for the tests: aiosmtpd on 127.0.0.1:PORT, storing
every message it accepts in the Maildir MAILDIR (aiosmtpd's Mailbox handler
adds X-MailFrom and X-RcptTo, the envelope). With USER and PASSWORD it
requires AUTH LOGIN/PLAIN with them (over plain text: tests only).

    python smtp_server.py PORT MAILDIR [USER PASSWORD]

Prints "ready" once it accepts connections; runs until it is killed.
"""
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

port, maildir = int(sys.argv[1]), sys.argv[2]
login = sys.argv[3:5]


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and [auth_data.login.decode(), auth_data.password.decode()] == login
    )
    # Not "handled": aiosmtpd answers 535 itself.
    return AuthResult(success=ok, handled=False)


options = {}
if login:
    options = {"authenticator": authenticate, "auth_required": True, "auth_require_tls": False}
controller = Controller(Mailbox(maildir), hostname="127.0.0.1", port=port, **options)
controller.start()
print("ready", flush=True)
while True:
    time.sleep(3600)
