package net.nsglobal.dns.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Type;

/**
 * A real DNSSEC validator, BIND's {@code delv}, pointed at one of the test's servers with the generated zones' keys
 * as trust anchors: it sends the question with CD set, fetches the DNSKEYs (and, for the hosted child, the DS from
 * the parent) and validates the answer or the denial proof as a resolver would (RFC 4035 §5, RFC 5155 §8).
 *
 * <p>{@code delv -a ANCHORS +root=ZONE @addr -p port -q NAME -t TYPE} prints "; fully validated" (SECURE),
 * "; unsigned answer" (INSECURE: e.g. an opt-out NSEC3 covers the name, RFC 5155 §6) or fails resolution (BOGUS: a
 * missing or wrong record). Negative answers print the same with "; negative response, " in front.
 */
final class Validator {
    enum Verdict { SECURE, INSECURE, BOGUS }

    /** A verdict and delv's first lines, for the report. */
    record Result(Verdict verdict, String detail) { }

    private final Path delv;
    private final Path anchors;

    private Validator(Path delv, Path anchors) {
        this.delv = delv;
        this.anchors = anchors;
    }

    /** A validator trusting the key-signing keys {@link ZoneSigner} made for {@code signedZones} in {@code dir}. */
    static Validator forZones(Path dir, List<String> signedZones) throws IOException {
        Path delv = ExternalTool.require("delv", "bind9-dnsutils (delv)");
        StringBuilder conf = new StringBuilder("trust-anchors {\n");
        for (String z : signedZones) conf.append("  ").append(ZoneSigner.trustAnchor(dir, z)).append('\n');
        Path anchors = dir.resolve("trust-anchors.conf");
        Files.writeString(anchors, conf.append("};\n"));
        return new Validator(delv, anchors);
    }

    /** Validates {@code qname}/{@code qtype} as served by {@code server}, from the trust anchor of {@code root}. */
    Result validate(InetSocketAddress server, String root, String qname, int qtype) {
        List<String> cmd = new ArrayList<>(List.of(delv.toString(), "@" + server.getAddress().getHostAddress(),
                "-p", Integer.toString(server.getPort()), "-a", anchors.toString(), "+root=" + root,
                "-q", qname, "-t", Type.string(qtype)));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(Verdict.BOGUS, "delv timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            String head = String.join(" | ", text.lines().limit(3).toList());
            // One line per validated RRset (a CNAME chain has several): the weakest one decides.
            List<String> lines = text.lines().toList();
            if (lines.contains("; unsigned answer") || lines.contains("; negative response, unsigned answer")) {
                return new Result(Verdict.INSECURE, head);
            }
            if (lines.contains("; fully validated") || lines.contains("; negative response, fully validated")) {
                return new Result(Verdict.SECURE, head);
            }
            return new Result(Verdict.BOGUS, head);
        } catch (IOException e) {
            return new Result(Verdict.BOGUS, "delv failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Verdict.BOGUS, "interrupted");
        }
    }
}
