package net.nsglobal.dns.replication.bench;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.nsglobal.dns.catalog.FleetCatalog;
import net.nsglobal.dns.persist.ZoneDisk;
import net.nsglobal.dns.persist.ZoneTimers;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.testkit.FreePorts;
import net.nsglobal.testkit.Zones;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * The propagation benchmark, run by bench/propagation.sh: one knotd primary, one collector and ten edges,
 * each dns-node a separate JVM process with its own sockets on loopback.
 * (a) knotd zone change (knotd NOTIFYs the collector) until all ten edges answer the new serial, over N changes;
 * (b) 10,000 zones newly listed in the customers' catalog until all ten edges serve all of them;
 * (c) cold start of an edge holding 100,000 small zones on disk until it answers for all of them.
 * Not a test: prints figures. args: WORKDIR CLASSPATH [changes=20] [catalogZones=10000] [coldZones=100000]
 */
public final class PropagationBench {
    static final String KEY_B64 = "ZWRnZWtleWVkZ2VrZXllZGdla2V5ZWRnZWtleTEyMzQ=";
    static final int EDGES = 10;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String cp = args[1];
        int changes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int catalogZones = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        int coldZones = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        Files.createDirectories(work);
        Fleet.writeLogback(work);
        if (changes > 0 || catalogZones > 0) {
            try (Fleet fleet = new Fleet(work, cp)) {
                propagation(fleet, work, changes, catalogZones);
            }
        }
        if (coldZones > 0) {
            try (Fleet fleet = new Fleet(work, cp)) {
                coldStart(fleet, work, coldZones);
            }
        }
    }

    static String keys() {
        return "tsig-keys:\n  - {name: edge-key, algorithm: hmac-sha256, secret: " + KEY_B64 + "}\n";
    }

    static void propagation(Fleet fleet, Path work, int changes, int catalogZones) throws Exception {
        int knotPort = FreePorts.tcpUdp();
        int collectorPort = FreePorts.tcpUdp();
        int[] edgePorts = new int[EDGES];
        int[] edgeHttp = new int[EDGES];
        for (int i = 0; i < EDGES; i++) {
            edgePorts[i] = FreePorts.tcpUdp();
            edgeHttp[i] = FreePorts.tcpUdp();
        }
        // knotd: bench.example (changes), the customers' catalog, and the zones (b) will add to it.
        Path kdir = Files.createDirectories(work.resolve("knot"));
        Path zdir = Files.createDirectories(kdir.resolve("zones"));
        Files.writeString(zdir.resolve("bench.example.zone"), Zones.text("bench.example.", 1, 50));
        Files.writeString(zdir.resolve("customers.catalog.zone"), catalog(0, List.of(), knotPort));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < catalogZones; i++) {
            String z = String.format("c%05d.example.", i);
            members.add(z);
            Files.writeString(zdir.resolve(z + "zone"), Zones.text(z, 1, 3));
        }
        StringBuilder kc = new StringBuilder();
        kc.append("server:\n  rundir: \"").append(kdir).append("\"\n  listen: 127.0.0.1@").append(knotPort)
          .append("\n  udp-workers: 1\n  tcp-workers: 2\n  background-workers: 1\n")
          .append("database:\n  storage: \"").append(kdir).append("\"\n")
          .append("log:\n  - target: stderr\n    any: warning\n")
          .append("remote:\n  - id: collector\n    address: 127.0.0.1@").append(collectorPort).append('\n')
          .append("acl:\n  - id: xfr\n    address: 127.0.0.0/8\n    action: transfer\n")
          .append("template:\n  - id: default\n    storage: \"").append(zdir).append("\"\n    file: \"%s.zone\"\n")
          .append("    zonefile-sync: -1\n    zonefile-load: difference\n    journal-content: changes\n")
          .append("    semantic-checks: off\n    acl: xfr\n    notify: collector\n")
          .append("zone:\n  - domain: bench.example.\n  - domain: customers.catalog.\n");
        for (String z : members) kc.append("  - domain: ").append(z).append('\n');
        Path kconf = kdir.resolve("knot.conf");
        Files.writeString(kconf, kc);
        fleet.start("knotd", List.of("/usr/sbin/knotd", "-c", kconf.toString()));
        InetSocketAddress knot = new InetSocketAddress("127.0.0.1", knotPort);
        try (DatagramSocket probe = Fleet.probeSocket()) {
            awaitSerial(probe, knot, "customers.catalog.", 0, 120_000);
            awaitSerial(probe, knot, members.isEmpty() ? "bench.example." : members.get(members.size() - 1), 1, 120_000);
        }

        StringBuilder notify = new StringBuilder("notify: [");
        for (int i = 0; i < EDGES; i++) notify.append(i == 0 ? "" : ", ").append("127.0.0.1:").append(edgePorts[i]);
        notify.append("]\n");
        Path cconf = work.resolve("collector.yaml");
        Files.writeString(cconf, "role: collector\ndata-dir: " + work.resolve("collector-data") + "\n"
                + "server: {listen: [127.0.0.1:" + collectorPort + "], reload-interval: 0s}\n"
                + "secondaries:\n  - {name: bench.example, primaries: [127.0.0.1:" + knotPort + "]}\n"
                + "catalogs:\n  - {name: customers.catalog, primaries: [127.0.0.1:" + knotPort + "], allow-primaries: [127.0.0.0/8]}\n"
                + "fleet-catalog: fleet.catalog\n" + notify
                + "transfer-acl: {allow: [127.0.0.0/8], tsig-key: edge-key}\n"
                + "limits: {transfers-per-primary: 16, transfers-total: 16}\n" + keys());
        fleet.node("collector", cconf, "768m");
        List<InetSocketAddress> edges = new ArrayList<>();
        List<InetSocketAddress> https = new ArrayList<>();
        for (int i = 0; i < EDGES; i++) {
            Path econf = work.resolve("edge" + i + ".yaml");
            Files.writeString(econf, "role: edge\ndata-dir: " + work.resolve("edge" + i + "-data") + "\n"
                    + "server: {listen: [127.0.0.1:" + edgePorts[i] + "], http: 127.0.0.1:" + edgeHttp[i]
                    + ", reload-interval: 0s}\n"
                    + "catalogs:\n  - {name: fleet.catalog, primaries: [127.0.0.1:" + collectorPort
                    + "], tsig-key: edge-key}\n"
                    + "limits: {transfers-per-primary: 8, transfers-total: 8}\n" + keys());
            fleet.node("edge" + i, econf, "384m");
            edges.add(new InetSocketAddress("127.0.0.1", edgePorts[i]));
            https.add(new InetSocketAddress("127.0.0.1", edgeHttp[i]));
        }
        try (DatagramSocket probe = Fleet.probeSocket()) {
            for (InetSocketAddress e : edges) awaitSerial(probe, e, "bench.example.", 1, 180_000);
            System.out.println("fleet up: knotd, collector, " + EDGES + " edges all serve bench.example serial 1");

            // (a) zone change at the primary -> all ten edges answer the new serial
            List<Double> ms = new ArrayList<>();
            Path file = zdir.resolve("bench.example.zone");
            for (int c = 1; c <= changes; c++) {
                long serial = 1 + c;
                Files.writeString(file, Zones.text("bench.example.", serial, 50 + c));
                long t0 = System.nanoTime();
                knotc(kdir, "zone-reload", "bench.example.");
                for (InetSocketAddress e : edges) awaitSerial(probe, e, "bench.example.", serial, 60_000);
                ms.add((System.nanoTime() - t0) / 1e6);
                Thread.sleep(300);
            }
            List<Double> sorted = new ArrayList<>(ms);
            Collections.sort(sorted);
            System.out.printf("(a) change -> all %d edges, %d changes: median %.0f ms, min %.0f ms, max %.0f ms, "
                            + "p90 %.0f ms%n", EDGES, changes, median(sorted), sorted.get(0),
                    sorted.get(sorted.size() - 1), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1));
            System.out.println("(a) samples ms: " + ms.stream().map(d -> String.format("%.0f", d)).toList());

            // (b) catalogZones new members in the customers' catalog -> served on all ten edges
            if (catalogZones > 0) {
                Files.writeString(zdir.resolve("customers.catalog.zone"), catalog(1, members, knotPort));
                long t0 = System.nanoTime();
                knotc(kdir, "zone-reload", "customers.catalog.");
                long want = catalogZones + 2L; // members + bench.example + fleet.catalog
                Set<Integer> done = new HashSet<>();
                while (done.size() < EDGES) {
                    for (int i = 0; i < EDGES; i++) {
                        if (!done.contains(i) && fleet.zonesLoaded(https.get(i)) >= want) done.add(i);
                    }
                    if ((System.nanoTime() - t0) / 1e9 > 900) throw new IllegalStateException("(b) not done in 900 s");
                    Thread.sleep(50);
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("(b) %d newly catalogued zones -> loaded on all %d edges: %.1f s%n", catalogZones,
                        EDGES, secs);
                int answered = 0;
                for (InetSocketAddress e : edges) {
                    for (String z : members) if (serialRetried(probe, e, Name.fromString(z)) == 1) answered++;
                }
                System.out.printf("(b) verified by SOA query: %d of %d (zone, edge) pairs answer serial 1%n",
                        answered, catalogZones * EDGES);
            }
        }
    }

    static void coldStart(Fleet fleet, Path work, int zones) throws Exception {
        Path data = work.resolve("cold-edge-data");
        ZoneDisk disk = new ZoneDisk(data, false);
        long now = System.currentTimeMillis();
        ZoneTimers timers = new ZoneTimers(now, now + 3_600_000, now + 7L * 86_400_000);
        Set<Name> names = new HashSet<>();
        Name ns = Name.fromConstantString("ns1.example.");
        long t0 = System.nanoTime();
        for (int i = 0; i < zones; i++) {
            Name origin = Name.fromString(String.format("z%06d.example.", i));
            names.add(origin);
            List<Record> rs = List.of(
                    new SOARecord(origin, DClass.IN, 300, ns, ns, 1, 3600, 900, 604800, 300),
                    new NSRecord(origin, DClass.IN, 300, ns),
                    new org.xbill.DNS.ARecord(Name.concatenate(Name.fromConstantString("www"), origin), DClass.IN, 300,
                            java.net.InetAddress.getByAddress(new byte[] {10, 1, (byte) (i >> 8), (byte) i})));
            disk.save(Zone.compile(origin, rs), timers);
        }
        Zone cat = FleetCatalog.build(Name.fromConstantString("fleet.catalog."), 1, names);
        disk.save(cat, timers);
        System.out.printf("(c) wrote %d zones to %s in %.1f s%n", zones, data, (System.nanoTime() - t0) / 1e9);

        int port = FreePorts.tcpUdp();
        int deadCollector = FreePorts.tcpUdp(); // nobody listens: the edge must serve from disk alone
        Path conf = work.resolve("cold-edge.yaml");
        Files.writeString(conf, "role: edge\ndata-dir: " + data + "\n"
                + "server: {listen: [127.0.0.1:" + port + "], reload-interval: 0s}\n"
                + "catalogs:\n  - {name: fleet.catalog, primaries: [127.0.0.1:" + deadCollector
                + "], tsig-key: edge-key}\n" + keys());
        InetSocketAddress edge = new InetSocketAddress("127.0.0.1", port);
        List<Name> all = new ArrayList<>(names);
        Collections.sort(all);
        long start = System.nanoTime();
        // The edge's JVM options: -Dcold.jvm-options (propagation.sh passes the launcher's, bin/jvm-options node, or
        // NODE_JAVA_OPTS), else the fixed 2 GB Serial heap of the other nodes here.
        String opts = System.getProperty("cold.jvm-options", "").trim();
        if (opts.isEmpty()) fleet.node("cold-edge", conf, "2g");
        else fleet.node("cold-edge", conf, List.of(opts.split("\\s+")));
        System.out.println("(c) edge JVM options: " + (opts.isEmpty() ? "-Xms2g -Xmx2g -XX:+UseSerialGC" : opts));
        try (DatagramSocket probe = Fleet.probeSocket()) {
            Name last = all.get(all.size() - 1);
            while (Fleet.serial(probe, edge, last) != 1) {
                if ((System.nanoTime() - start) / 1e9 > 300) throw new IllegalStateException("(c) no answer in 300 s");
                Thread.sleep(20);
            }
            double first = (System.nanoTime() - start) / 1e9;
            int answered = 0;
            for (Name z : all) if (serialRetried(probe, edge, z) == 1) answered++;
            double swept = (System.nanoTime() - start) / 1e9;
            System.out.printf("(c) cold start, %d zones from disk: process start -> answering %.1f s; "
                    + "-> all %d zones verified by SOA query %.1f s (%d answered)%n", zones, first, zones, swept,
                    answered);
        }
    }

    static String catalog(long serial, List<String> members, int port) {
        StringBuilder b = new StringBuilder("$ORIGIN customers.catalog.\n$TTL 0\n@ SOA invalid. invalid. ")
                .append(serial).append(" 60 60 2419200 0\n@ NS invalid.\nversion TXT \"2\"\n");
        int i = 0;
        for (String m : members) {
            String id = "m" + (i++);
            b.append(id).append(".zones PTR ").append(m).append('\n')
             .append("primaries.ext.").append(id).append(".zones A 127.0.0.1\n")
             .append("primaries-port.ext.").append(id).append(".zones TXT \"").append(port).append("\"\n");
        }
        return b.toString();
    }

    static void knotc(Path kdir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/usr/sbin/knotc", "-s", kdir.resolve("knot.sock").toString(), "-b"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("knotc " + String.join(" ", args) + ": " + out);
    }

    static void awaitSerial(DatagramSocket probe, InetSocketAddress server, String zone, long serial, long maxMs)
            throws Exception {
        long deadline = System.nanoTime() + maxMs * 1_000_000;
        Name n = Name.fromString(zone);
        while (Fleet.serial(probe, server, n) != serial) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(server + " does not serve " + zone + " serial " + serial);
            }
            Thread.sleep(2);
        }
    }

    /** A UDP probe lost on a loaded box is asked again (3 tries) before it counts as "not answering". */
    static long serialRetried(DatagramSocket probe, InetSocketAddress server, Name zone) throws Exception {
        long s = -1;
        for (int i = 0; i < 3 && s == -1; i++) s = Fleet.serial(probe, server, zone);
        return s;
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
