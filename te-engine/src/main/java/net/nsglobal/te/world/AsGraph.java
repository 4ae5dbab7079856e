package net.nsglobal.te.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The AS-level Internet as CAIDA's AS Relationships dataset describes it: every AS that appears on a link, and for
 * each its customers, providers and peers, in compact form.
 *
 * <p>ASes are numbered densely {@code 0..size()-1} in increasing AS-number order, so index order is AS-number
 * order (the routing tie-breaks rely on it). Each relationship class is one CSR adjacency: the neighbours of node
 * {@code i} are {@code adj[off[i] .. off[i+1])}, sorted by index. Input lines are {@code as1|as2|rel[|source]}
 * with {@code rel = -1} (as1 is a provider of as2) or {@code 0} (peers); lines starting with {@code #} are headers,
 * of which {@code # IXP ASes:} is kept (the route-server ASes CAIDA removed from the paths it read).
 */
public final class AsGraph {
    private final long[] asn;
    private final int[] custOff, cust, provOff, prov, peerOff, peer;
    private final long[] ixpAses;
    private final int links;

    private AsGraph(long[] asn, int[] custOff, int[] cust, int[] provOff, int[] prov, int[] peerOff, int[] peer,
                    long[] ixpAses, int links) {
        this.asn = asn;
        this.custOff = custOff;
        this.cust = cust;
        this.provOff = provOff;
        this.prov = prov;
        this.peerOff = peerOff;
        this.peer = peer;
        this.ixpAses = ixpAses;
        this.links = links;
    }

    /**
     * Reads a CAIDA {@code .as-rel.txt.bz2} file through {@code bzcat} (Debian's bzip2 package; no Java bzip2
     * dependency needed), or a plain text file if the name does not end in {@code .bz2}.
     */
    public static AsGraph load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("world: AS graph " + file + ": no such file");
        if (!file.getFileName().toString().endsWith(".bz2")) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                return parse(r, file.toString());
            }
        }
        Process bzcat = new ProcessBuilder("bzcat", file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        AsGraph g;
        try (Reader r = new InputStreamReader(bzcat.getInputStream(), StandardCharsets.US_ASCII)) {
            g = parse(r, file.toString());
        } finally {
            bzcat.getInputStream().close();
        }
        try {
            if (!bzcat.waitFor(60, TimeUnit.SECONDS)) {
                bzcat.destroyForcibly();
                throw new IOException("world: AS graph " + file + ": bzcat did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("world: AS graph " + file + ": interrupted", e);
        }
        if (bzcat.exitValue() != 0) throw new IOException("world: AS graph " + file + ": bzcat exited with " + bzcat.exitValue());
        return g;
    }

    /** Parses the text form (tests write small worlds this way). */
    public static AsGraph parse(String text) {
        try {
            return parse(new StringReader(text), "text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses {@code as1|as2|rel} lines. A malformed line is an {@link IllegalArgumentException} naming the source
     * and line number; nothing is guessed.
     */
    public static AsGraph parse(Reader in, String source) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        long[] a = new long[1 << 16], b = new long[1 << 16];
        byte[] rel = new byte[1 << 16];
        long[] ixp = new long[0];
        int m = 0, lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isEmpty()) continue;
            if (line.charAt(0) == '#') {
                if (line.startsWith("# IXP ASes:")) {
                    String rest = line.substring("# IXP ASes:".length()).trim();
                    ixp = rest.isEmpty() ? new long[0] : Arrays.stream(rest.split("\\s+")).mapToLong(Long::parseLong).sorted().toArray();
                }
                continue;
            }
            int p1 = line.indexOf('|'), p2 = p1 < 0 ? -1 : line.indexOf('|', p1 + 1);
            if (p2 < 0) throw bad(source, lineNo, line, "expected as1|as2|rel");
            int p3 = line.indexOf('|', p2 + 1);
            long x = number(line, 0, p1, source, lineNo), y = number(line, p1 + 1, p2, source, lineNo);
            String rs = line.substring(p2 + 1, p3 < 0 ? line.length() : p3);
            byte k;
            if (rs.equals("-1")) k = -1;
            else if (rs.equals("0")) k = 0;
            else throw bad(source, lineNo, line, "relationship must be -1 (provider|customer) or 0 (peers)");
            if (x == y) throw bad(source, lineNo, line, "an AS cannot be its own neighbour");
            if (m == a.length) {
                a = Arrays.copyOf(a, m * 2);
                b = Arrays.copyOf(b, m * 2);
                rel = Arrays.copyOf(rel, m * 2);
            }
            a[m] = x;
            b[m] = y;
            rel[m] = k;
            m++;
        }
        long[] all = new long[2 * m];
        System.arraycopy(a, 0, all, 0, m);
        System.arraycopy(b, 0, all, m, m);
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) if (i == 0 || all[i] != all[i - 1]) all[n++] = all[i];
        long[] asn = Arrays.copyOf(all, n);
        int[] ia = new int[m], ib = new int[m];
        int[] custCount = new int[n + 1], provCount = new int[n + 1], peerCount = new int[n + 1];
        for (int e = 0; e < m; e++) {
            ia[e] = Arrays.binarySearch(asn, a[e]);
            ib[e] = Arrays.binarySearch(asn, b[e]);
            if (rel[e] == -1) {
                custCount[ia[e]]++;
                provCount[ib[e]]++;
            } else {
                peerCount[ia[e]]++;
                peerCount[ib[e]]++;
            }
        }
        int[] custOff = offsets(custCount), provOff = offsets(provCount), peerOff = offsets(peerCount);
        int[] cust = new int[custOff[n]], prov = new int[provOff[n]], peer = new int[peerOff[n]];
        int[] cf = Arrays.copyOf(custOff, n), pf = Arrays.copyOf(provOff, n), qf = Arrays.copyOf(peerOff, n);
        for (int e = 0; e < m; e++) {
            if (rel[e] == -1) {
                cust[cf[ia[e]]++] = ib[e];
                prov[pf[ib[e]]++] = ia[e];
            } else {
                peer[qf[ia[e]]++] = ib[e];
                peer[qf[ib[e]]++] = ia[e];
            }
        }
        for (int i = 0; i < n; i++) {
            Arrays.sort(cust, custOff[i], custOff[i + 1]);
            Arrays.sort(prov, provOff[i], provOff[i + 1]);
            Arrays.sort(peer, peerOff[i], peerOff[i + 1]);
        }
        return new AsGraph(asn, custOff, cust, provOff, prov, peerOff, peer, ixp, m);
    }

    private static int[] offsets(int[] count) {
        int[] off = new int[count.length];
        int sum = 0;
        for (int i = 0; i < count.length - 1; i++) {
            off[i] = sum;
            sum += count[i];
        }
        off[count.length - 1] = sum;
        return off;
    }

    private static long number(String line, int from, int to, String source, int lineNo) {
        if (from >= to) throw bad(source, lineNo, line, "empty AS number");
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9' || v > 429496729L) throw bad(source, lineNo, line, "AS number must be 1…4294967295");
            v = v * 10 + (c - '0');
        }
        if (v == 0 || v > 4294967295L) throw bad(source, lineNo, line, "AS number must be 1…4294967295");
        return v;
    }

    private static IllegalArgumentException bad(String source, int lineNo, String line, String why) {
        return new IllegalArgumentException("world: AS graph " + source + ":" + lineNo + ": '" + line + "': " + why);
    }

    /** Number of ASes. */
    public int size() { return asn.length; }

    /** Number of links read. */
    public int links() { return links; }

    /** The AS number of node {@code i}. */
    public long asn(int i) { return asn[i]; }

    /** The node of an AS number, or -1 if the AS is on no link. */
    public int index(long as) {
        int i = Arrays.binarySearch(asn, as);
        return i < 0 ? -1 : i;
    }

    /** Whether CAIDA lists {@code as} among the IXP route-server ASes it removed from paths. */
    public boolean isIxp(long as) { return Arrays.binarySearch(ixpAses, as) >= 0; }

    int[] custOff() { return custOff; }
    int[] cust() { return cust; }
    int[] provOff() { return provOff; }
    int[] prov() { return prov; }
    int[] peerOff() { return peerOff; }
    int[] peer() { return peer; }

    public int customerCount(int i) { return custOff[i + 1] - custOff[i]; }
    public int providerCount(int i) { return provOff[i + 1] - provOff[i]; }
    public int peerCount(int i) { return peerOff[i + 1] - peerOff[i]; }
}
