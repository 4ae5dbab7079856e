package net.nsglobal.dns.persist;

/**
 * A secondary zone's timer state, persisted so that expire is honoured across restarts (RFC 1035 §3.3.13: the expire
 * clock runs from the last successful refresh, not from process start).
 *
 * @param lastRefresh epoch ms of the last successful refresh (transfer or "up to date" answer)
 * @param refreshAt   epoch ms when the next refresh is due
 * @param expireAt    epoch ms after which the zone answers SERVFAIL unless refreshed
 */
public record ZoneTimers(long lastRefresh, long refreshAt, long expireAt) {
    String encode() {
        return "last-refresh " + lastRefresh + "\nrefresh-at " + refreshAt + "\nexpire-at " + expireAt + "\n";
    }

    static ZoneTimers decode(String text) {
        long last = 0, refresh = 0, expire = 0;
        for (String line : text.split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length != 2) continue;
            long v = Long.parseLong(kv[1]);
            switch (kv[0]) {
                case "last-refresh" -> last = v;
                case "refresh-at" -> refresh = v;
                case "expire-at" -> expire = v;
                default -> { }
            }
        }
        return new ZoneTimers(last, refresh, expire);
    }
}
