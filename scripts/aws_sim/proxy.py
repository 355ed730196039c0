"""The endpoint the SDK talks to (AWS_ENDPOINT_URL): forwards every request to moto unchanged,
except a RunInstances that an injected fault matches, which gets EC2's XML error instead (a
fake, named as such in docs and tests). It also notes the regions that EC2 calls name, so the
watcher knows where to look for instances."""
import http.client
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from . import faults
from .state import DEFAULT_REGION

_SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request")
_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
        "proxy-authorization", "proxy-authenticate", "content-length"}
# Throttling answers 503 like EC2 (the SDK retries it); capacity and quota errors are 400s here,
# so the SDK hands them to the provider at once instead of retrying (real EC2 sends some as 500).
_THROTTLING = {"RequestLimitExceeded", "Throttling", "ThrottlingException"}


def error_xml(code: str, message: str) -> bytes:
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>%s</Code>"
            "<Message>%s</Message></Error></Errors><RequestID>%s</RequestID></Response>"
            % (code, message, uuid.uuid4())).encode()


class Proxy:
    def __init__(self, moto_port: int, faults_file, zone_of_subnet):
        self.moto_port = moto_port
        self.faults_file = faults_file
        self.zone_of_subnet = zone_of_subnet
        self.regions = {DEFAULT_REGION}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]

    def start(self):
        threading.Thread(target=self.server.serve_forever, name="proxy", daemon=True).start()

    def close(self):
        self.server.shutdown()

    def _injected(self, headers, body: bytes, query: str):
        scope = _SCOPE.search(headers.get("Authorization", ""))
        if not scope or scope.group(2) != "ec2":
            return None
        region = scope.group(1)
        self.regions.add(region)
        params = parse_qs(query)
        if headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            params.update(parse_qs(body.decode("utf-8", "replace")))
        if params.get("Action", [""])[0] != "RunInstances":
            return None

        def zone():
            z = params.get("Placement.AvailabilityZone", [None])[0]
            subnet = params.get("SubnetId", params.get("NetworkInterface.1.SubnetId", [None]))[0]
            return z or (self.zone_of_subnet(region, subnet) if subnet else None)

        rule = faults.take(self.faults_file, region, zone)
        if rule is None:
            return None
        where = rule.get("zone") or rule.get("region")
        msg = ("We currently do not have sufficient capacity in %s (injected by aws-sim fail)."
               % where)
        return 503 if rule["code"] in _THROTTLING else 400, error_xml(rule["code"], msg)

    def _handler(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                query = self.path.split("?", 1)[1] if "?" in self.path else ""
                injected = proxy._injected(self.headers, body, query)
                if injected:
                    status, data, headers = injected[0], injected[1], [("Content-Type", "text/xml")]
                else:
                    status, data, headers = self._moto(body)
                self.send_response(status)
                for k, v in headers:
                    if k.lower() not in _HOP:
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            def _moto(self, body):
                conn = http.client.HTTPConnection("127.0.0.1", proxy.moto_port, timeout=120)
                try:
                    hdrs = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
                    if body or self.command in ("POST", "PUT"):
                        hdrs["Content-Length"] = str(len(body))
                    conn.request(self.command, self.path, body=body, headers=hdrs)
                    r = conn.getresponse()
                    return r.status, r.read(), r.getheaders()
                finally:
                    conn.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _forward

        return Handler
