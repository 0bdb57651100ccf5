"""A broker front door that checks SASL/PLAIN credentials and nothing else, for the wrong-password test.

None of the brokers installed here checks credentials for librdkafka 2.0.2: its mock cluster and
noida-db have no SASL, and tansu (SCRAM) fails librdkafka 2.0.2's ApiVersions parsing. This answers
the three requests a client sends before it is authenticated (ApiVersions, SaslHandshake,
SaslAuthenticate) as Apache Kafka does, and refuses any other user or password with
SASL_AUTHENTICATION_FAILED (58) and Kafka's message, then closes the connection.

Usage: sasl_plain_broker.py PORT USER PASSWORD   (binds 127.0.0.1 only; stop it by its pid)
"""
import socket
import struct
import sys
import threading

API_VERSIONS, SASL_HANDSHAKE, SASL_AUTHENTICATE, METADATA = 18, 17, 36, 3
SUPPORTED = [(API_VERSIONS, 0, 3), (SASL_HANDSHAKE, 0, 1), (SASL_AUTHENTICATE, 0, 1), (METADATA, 0, 4)]


def read_exactly(conn, count):
    data = b""
    while len(data) < count:
        chunk = conn.recv(count - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def uvarint(value):
    out = b""
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def api_versions(version):
    if version >= 3:
        entries = b"".join(struct.pack(">hhh", *entry) + uvarint(0) for entry in SUPPORTED)
        return struct.pack(">h", 0) + uvarint(len(SUPPORTED) + 1) + entries + struct.pack(">i", 0) + uvarint(0)
    entries = b"".join(struct.pack(">hhh", *entry) for entry in SUPPORTED)
    body = struct.pack(">hi", 0, len(SUPPORTED)) + entries
    return body + (struct.pack(">i", 0) if version >= 1 else b"")


def serve(conn, user, password):
    with conn:
        while True:
            size = struct.unpack(">i", read_exactly(conn, 4))[0]
            request = read_exactly(conn, size)
            key, version, correlation = struct.unpack(">hhi", request[:8])
            client_length = struct.unpack(">h", request[8:10])[0]
            body = request[10 + max(client_length, 0):]
            if key == API_VERSIONS:
                response = api_versions(version)
            elif key == SASL_HANDSHAKE:
                length = struct.unpack(">h", body[:2])[0]
                mechanism = body[2:2 + length].decode()
                error = 0 if mechanism == "PLAIN" else 33  # UNSUPPORTED_SASL_MECHANISM
                response = struct.pack(">hih", error, 1, 5) + b"PLAIN"
            elif key == SASL_AUTHENTICATE:
                length = struct.unpack(">i", body[:4])[0]
                fields = body[4:4 + length].split(b"\0")
                ok = len(fields) == 3 and fields[1].decode() == user and fields[2].decode() == password
                message = b"" if ok else b"Authentication failed: Invalid username or password"
                response = struct.pack(">h", 0 if ok else 58)
                response += struct.pack(">h", -1) if ok else struct.pack(">h", len(message)) + message
                response += struct.pack(">i", 0) + (struct.pack(">q", 0) if version >= 1 else b"")
                conn.sendall(struct.pack(">ii", len(response) + 4, correlation) + response)
                if not ok:
                    return
                continue
            else:
                return  # only credentials are checked here
            conn.sendall(struct.pack(">ii", len(response) + 4, correlation) + response)


def main(argv):
    port, user, password = int(argv[1]), argv[2], argv[3]
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(16)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=lambda: _quietly(serve, conn, user, password), daemon=True).start()


def _quietly(function, *args):
    try:
        function(*args)
    except (ConnectionError, OSError, struct.error):
        pass


if __name__ == "__main__":
    main(sys.argv)
