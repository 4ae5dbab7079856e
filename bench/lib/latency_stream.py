# latency_stream.py: as latency.py, for long runs: reads dnsperf -v output on stdin without keeping it (a histogram
# of whole microseconds), and prints "COUNT P50 P99 P99.9 MAX OVER1MS OVER10MS" in microseconds over the answered
# queries. Percentiles by nearest rank, as latency.py.
import sys
from collections import Counter
hist = Counter()
n = 0
for line in sys.stdin:
    if line.startswith("> "):
        try:
            us = int(float(line.rsplit(None, 1)[-1]) * 1e6 + 0.5)
        except ValueError:
            continue
        hist[us] += 1
        n += 1
if not n:
    print("0 0 0 0 0 0 0")
    sys.exit(0)
keys = sorted(hist)
def rank(p):
    need = -(-p * n // 100) if isinstance(p, int) else int(p / 100 * n + 0.999999)
    need = max(need, 1)
    seen = 0
    for k in keys:
        seen += hist[k]
        if seen >= need:
            return k
    return keys[-1]
over1 = sum(c for k, c in hist.items() if k > 1000)
over10 = sum(c for k, c in hist.items() if k > 10000)
print(n, rank(50), rank(99), rank(99.9), keys[-1], over1, over10)
