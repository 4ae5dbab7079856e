package net.nsglobal.dns.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Black-box differential test: knotd 3.2 (the reference) and dns-node serve the same generated zones — plain,
 * NSEC-signed and NSEC3-signed with opt-out — and must give the same replies to thousands of seeded queries (rcode,
 * AA/TC, each section as a set of RRs). Justified differences pass only through a named {@link Allowance} documented
 * in docs/differential.md. A sample of every proof shape is validated by BIND's delv with the zones' keys as trust
 * anchors ({@link #signedAnswersValidate}). Seed, query count, sample size and candidate can be overridden with
 * -Dinterop.seed, -Dinterop.queries, -Dinterop.validate and -Dinterop.peer=nsd (to check the harness against NSD);
 * -Dinterop.dump=FILE writes every difference to FILE.
 */
@Timeout(900)
class DifferentialTest {
    private static final long SEED = Long.getLong("interop.seed", 20261127L);
    private static final int QUERIES = Integer.getInteger("interop.queries", 10000);
    private static final int VALIDATE_DEFAULT = 300;

    @TempDir
    static Path dir;

    private static final List<ZoneGenerator.GeneratedZone> zones = new ArrayList<>();
    private static KnotServer knot;
    private static ServerUnderTest candidate;
    private static final List<SignedSample.SignedZone> signed = new ArrayList<>();
    /** delv with the signed zones' keys as trust anchors. */
    private static Validator validator;

    @BeforeAll
    static void startServers() throws Exception {
        ZoneGenerator generator = new ZoneGenerator(SEED);
        Map<String, Path> files = new LinkedHashMap<>();
        record Spec(String origin, ZoneSigner.Denial denial, boolean apexWildcard, List<String> children) { }
        // kid.nsec.test. is hosted too: parent and child on one server (DS at the cut comes from the parent).
        for (Spec s : List.of(new Spec("plain.test.", ZoneSigner.Denial.NONE, false, List.of()),
                new Spec("nsec.test.", ZoneSigner.Denial.NSEC, true, List.of("kid")),
                new Spec("nsec3.test.", ZoneSigner.Denial.NSEC3_OPT_OUT, false, List.of()),
                new Spec("wild3.test.", ZoneSigner.Denial.NSEC3, true, List.of()),
                new Spec("nsecent.test.", ZoneSigner.Denial.NSEC, false, List.of()),
                new Spec("kid.nsec.test.", ZoneSigner.Denial.NSEC3_OPT_OUT, false, List.of()))) {
            ZoneGenerator.GeneratedZone z = generator.generate(s.origin(), s.apexWildcard(), s.children());
            Path file = ZoneSigner.write(dir, s.origin(), z.text(), s.denial());
            // NSEC3 owner names are hashes, known only after signing: query them too (RFC 5155 §7.2.8).
            List<String> hashed = ZoneSigner.nsec3Owners(file, s.origin());
            z.names().addAll(hashed.subList(0, Math.min(4, hashed.size())));
            zones.add(z);
            files.put(s.origin(), file);
            if (s.denial() != ZoneSigner.Denial.NONE) {
                // Each zone is its own trust anchor: the generated DS records are random, so the hosted child's
                // chain from nsec.test. does not verify (its DS answers are compared with Knot's instead).
                signed.add(new SignedSample.SignedZone(s.origin(), s.denial(), s.origin()));
            }
        }
        validator = Validator.forZones(dir, signed.stream().map(SignedSample.SignedZone::origin).toList());
        knot = KnotServer.start(dir, files);
        String peer = System.getProperty("interop.peer", "dns-node");
        candidate = switch (peer) {
            case "nsd" -> NsdServer.start(dir, files);
            case "dns-node" -> DnsNodeServer.start(files);
            default -> throw new IllegalArgumentException("interop.peer must be dns-node or nsd: " + peer);
        };
    }

    @AfterAll
    static void stopServers() {
        if (candidate != null) candidate.close();
        if (knot != null) knot.close();
    }

    @Test
    void answersLikeKnot() throws Exception {
        List<TestQuery> queries = new ArrayList<>(new QueryGenerator(SEED, zones).generate(QUERIES));
        // The corner questions of every zone, over TCP with DO, are compared too, whatever the seed.
        for (ZoneGenerator.GeneratedZone z : zones) {
            for (String corner : ZoneGenerator.cornerQuestions(z.origin())) {
                String[] w = corner.split(" ");
                queries.add(new TestQuery(queries.size(), w[0], Type.value(w[1]), 1232, true, true));
            }
        }
        List<Difference> diffs = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> allowed = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Integer> coverage = Collections.synchronizedMap(new TreeMap<>());
        List<Allowance> allowances = Allowance.all(knot.address(), candidate.address(), validator, signed);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (TestQuery q : queries) {
                futures.add(pool.submit(() -> {
                    Probe.Reply r = Probe.send(knot.address(), q);
                    Probe.Reply c = Probe.send(candidate.address(), q);
                    coverage.merge(Coverage.of(r), 1, Integer::sum);
                    for (Difference d : ReplyComparator.compare(q, r, c)) {
                        Allowance a = allowances.stream().filter(x -> x.excuses(d)).findFirst().orElse(null);
                        if (a == null) diffs.add(d);
                        else allowed.merge(a.name(), 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        diffs.sort((a, b) -> Integer.compare(a.query().index(), b.query().index()));
        System.out.println("[differential] " + queries.size() + " queries (" + QUERIES + " generated), seed " + SEED + ", allowed " + allowed
                + ", differences " + diffs.size() + "\n[differential] reference replies: " + coverage);
        String dump = System.getProperty("interop.dump");
        if (dump != null) {
            java.nio.file.Files.writeString(Path.of(dump),
                    DifferenceReport.format("knot", candidate.name(), queries.size(), diffs, Integer.MAX_VALUE));
        }
        assertThat(diffs)
                .as(() -> DifferenceReport.format("knot", candidate.name(), queries.size(), diffs, 20))
                .isEmpty();
    }

    /**
     * Every proof shape the run produces, validated by delv against the candidate (a sample of {@code
     * interop.validate} questions, default {@value #VALIDATE_DEFAULT}, chosen by {@link SignedSample}; the fixed
     * corner questions first). A bogus answer fails; so does an insecure one from a zone without opt-out, where every
     * name is provable.
     */
    @Test
    void signedAnswersValidate() throws Exception {
        List<TestQuery> queries = new QueryGenerator(SEED, zones).generate(QUERIES);
        List<String> corners = new ArrayList<>();
        for (SignedSample.SignedZone z : signed) corners.addAll(ZoneGenerator.cornerQuestions(z.origin()));
        long start = System.nanoTime();
        List<SignedSample.Question> sample = SignedSample.choose(queries, corners, candidate.address(), signed,
                Integer.getInteger("interop.validate", VALIDATE_DEFAULT));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> verdicts = Collections.synchronizedMap(new TreeMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SignedSample.Question q : sample) {
                futures.add(pool.submit(() -> {
                    Validator.Result r = validator.validate(candidate.address(), q.zone().root(), q.qname(), q.qtype());
                    verdicts.merge(r.verdict().name(), 1, Integer::sum);
                    boolean optOut = q.zone().denial() == ZoneSigner.Denial.NSEC3_OPT_OUT;
                    if (r.verdict() == Validator.Verdict.BOGUS
                            || (r.verdict() == Validator.Verdict.INSECURE && !optOut)) {
                        failures.add(r.verdict() + " " + q.qname() + " " + Type.string(q.qtype())
                                + " [" + q.shape() + "]: " + r.detail());
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        failures.sort(null);
        System.out.printf("[differential] delv validated %d signed answers in %.1f s: %s%n[differential] shapes: %s%n",
                sample.size(), (System.nanoTime() - start) / 1e9, verdicts, SignedSample.shapes(sample));
        assertThat(failures).as("answers delv does not accept:\n" + String.join("\n", failures)).isEmpty();
    }

    /**
     * RFC 9460 §4.2 black-box: an HTTPS answer in ServiceMode with TargetName "." carries the owner's A and AAAA
     * (and their RRSIGs with DO) in the additional section; an AliasMode answer carries the target's addresses and
     * its HTTPS RRset; an SVCB answer the addresses of its in-zone target.
     */
    @Test
    void serviceBindingsCarryTheirTargetsInAdditional() {
        for (String origin : List.of("plain.test.", "nsec.test.", "wild3.test.")) {
            boolean signedZone = !origin.equals("plain.test.");
            Message svc = Probe.send(candidate.address(),
                    new TestQuery(0, "svc." + origin, Type.HTTPS, 1232, true, true)).message();
            assertThat(additional(svc)).as(origin).contains("svc." + origin + " A", "svc." + origin + " AAAA");
            if (signedZone) assertThat(additional(svc)).contains("svc." + origin + " RRSIG A");
            Message alias = Probe.send(candidate.address(),
                    new TestQuery(1, "alias." + origin, Type.HTTPS, 1232, false, true)).message();
            assertThat(additional(alias)).containsExactlyInAnyOrder("svc." + origin + " A", "svc." + origin + " AAAA",
                    "svc." + origin + " HTTPS");
            Message dns = Probe.send(candidate.address(),
                    new TestQuery(2, "_dns.svc." + origin, Type.SVCB, 1232, false, true)).message();
            assertThat(additional(dns)).containsExactlyInAnyOrder("ns1." + origin + " A", "ns1." + origin + " AAAA");
        }
    }

    /** "owner TYPE" (RRSIGs as "owner RRSIG COVERED") of the additional section, OPT left out. */
    private static List<String> additional(Message m) {
        assertThat(m).isNotNull();
        return m.getSection(Section.ADDITIONAL).stream()
                .filter(r -> r.getType() != Type.OPT)
                .map(r -> r.getName().toString().toLowerCase(Locale.ROOT) + " "
                        + (r instanceof RRSIGRecord sig
                        ? "RRSIG " + Type.string(sig.getTypeCovered()) : Type.string(r.getType())))
                .toList();
    }
}
