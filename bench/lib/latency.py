# latency.py: reads dnsperf -v output on stdin and prints "COUNT P50 P99 P99.9 MAX" in microseconds over the
# answered queries (lines "> RCODE NAME TYPE SECONDS"; timed-out queries have no latency and are not counted).
# Percentiles by nearest rank: the smallest latency with at least p% of the answers at or below it.
import math, sys
lat = []
for line in sys.stdin:
    if line.startswith("> "):
        try:
            lat.append(float(line.split()[-1]) * 1e6)
        except ValueError:
            pass
lat.sort()
def rank(p):
    return lat[max(0, math.ceil(p / 100 * len(lat)) - 1)]
if not lat:
    print("0 0 0 0 0")
else:
    print(len(lat), *("%.0f" % rank(p) for p in (50, 99, 99.9)), "%.0f" % lat[-1])
