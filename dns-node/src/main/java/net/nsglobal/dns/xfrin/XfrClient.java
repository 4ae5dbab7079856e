package net.nsglobal.dns.xfrin;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.zone.ZoneBudget;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * Pulls one zone from one primary over TCP (RFC 5936 AXFR, RFC 1995 IXFR), with our own reader so that every limit
 * and the TSIG check apply per message, the time limits on every socket read ({@link LimitedInput}), and nothing is
 * applied before the closing SOA (all or nothing). Protocol outcomes are {@link TransferResult}s; only programming errors throw.
 */
public final class XfrClient {
    private final XfrLimits limits;

    public XfrClient(XfrLimits limits) {
        this.limits = limits;
    }

    /**
     * Requests IXFR from {@code current} (or AXFR when {@code current} is null), within {@code transfer-duration} from
     * now.
     *
     * @param current our SOA, or null when we have no copy of the zone yet
     * @param key     the TSIG key for this primary, or null
     */
    public TransferResult transfer(Name zone, InetSocketAddress primary, SOARecord current, TsigKey key) {
        return transfer(zone, primary, current, key, deadline(), null);
    }

    /** The deadline of a transfer (or of a refresh from one primary, fallbacks included) that starts now. */
    public long deadline() {
        return System.nanoTime() + limits.maxDuration().toNanos();
    }

    /**
     * As {@link #transfer(Name, InetSocketAddress, SOARecord, TsigKey)}, bounded by an earlier {@code deadline}
     * ({@link System#nanoTime()}): an AXFR after a failed IXFR gets only the time the IXFR left. Every record received
     * is metered against the zone's budget ({@code meter} null = none).
     */
    public TransferResult transfer(Name zone, InetSocketAddress primary, SOARecord current, TsigKey key,
                                   long deadline, ZoneBudget.Meter meter) {
        boolean ixfr = current != null;
        Message query = Message.newQuery(Record.newRecord(zone, ixfr ? Type.IXFR : Type.AXFR, DClass.IN));
        if (ixfr) {
            query.addRecord(current, Section.AUTHORITY); // RFC 1995 §3: our SOA in the authority section
        }
        TSIG tsig = key == null ? null : key.toTsig();
        if (tsig != null) tsig.apply(query, null);
        int id = query.getHeader().getID();
        try (Socket s = new Socket()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new TransferResult.Failed("limit exceeded: transfer took longer than "
                        + LimitedInput.show(limits.maxDuration()) + " (transfer-duration)", false);
            }
            s.connect(primary, (int) Math.max(1, Math.min(left, limits.idleTimeout().toMillis())));
            s.setTcpNoDelay(true);
            byte[] q = query.toWire(Message.MAXLENGTH);
            OutputStream out = s.getOutputStream();
            byte[] framed = new byte[q.length + 2];
            framed[0] = (byte) (q.length >>> 8);
            framed[1] = (byte) q.length;
            System.arraycopy(q, 0, framed, 2, q.length);
            out.write(framed);
            out.flush();
            return read(new DataInputStream(new LimitedInput(s, limits, deadline)), zone, ixfr,
                    ixfr ? current.getSerial() : 0, id, tsig, query, meter);
        } catch (LimitedInput.LimitExceeded e) {
            return new TransferResult.Failed(e.getMessage(), false);
        } catch (SocketTimeoutException e) {
            return new TransferResult.Failed("limit exceeded: no connection to primary " + primary + " within "
                    + LimitedInput.show(limits.idleTimeout()) + " (transfer-idle)", false);
        } catch (IOException e) {
            return new TransferResult.Failed("connection to primary " + primary + " failed: " + e, false);
        }
    }

    private TransferResult read(DataInputStream in, Name zone, boolean ixfr, long ourSerial, int id, TSIG tsig,
                                Message query, ZoneBudget.Meter meter) throws IOException {
        XfrParser parser = new XfrParser(zone, ixfr, ourSerial, limits.maxRecordsPerZone(), meter);
        TSIG.StreamVerifier verifier = tsig == null ? null : new TSIG.StreamVerifier(tsig, query.getTSIG());
        long bytes = 0;
        boolean first = true;
        boolean lastSigned = false;
        while (true) {
            int len;
            try {
                len = in.readUnsignedShort();
            } catch (EOFException e) {
                // The primary closed the connection: fine only if a lone SOA (IXFR "up to date") came before.
                if (first) return new TransferResult.Failed("primary closed the connection without answering", false);
                return finish(parser, bytes, tsig, lastSigned);
            }
            bytes += len + 2;
            if (bytes > limits.maxTransferBytes()) {
                return new TransferResult.Failed("limit exceeded: more than " + limits.maxTransferBytes()
                        + " bytes (transfer-bytes)", false);
            }
            byte[] buf = new byte[len];
            in.readFully(buf);
            Message msg;
            try {
                msg = new Message(buf);
            } catch (IOException e) {
                return new TransferResult.Failed("unparseable message from primary: " + e.getMessage(), false);
            }
            if (msg.getHeader().getID() != id) {
                return new TransferResult.Failed("message id " + msg.getHeader().getID() + " does not match query "
                        + id, false);
            }
            if (verifier != null) {
                int err = verifier.verify(msg, buf);
                if (err != Rcode.NOERROR) {
                    return new TransferResult.Failed("TSIG verification failed: " + Rcode.TSIGstring(err), false);
                }
                lastSigned = msg.getTSIG() != null;
            }
            int rcode = msg.getRcode();
            if (rcode != Rcode.NOERROR) {
                boolean fallback = ixfr && first && (rcode == Rcode.NOTIMP || rcode == Rcode.FORMERR);
                return new TransferResult.Failed("primary answered " + Rcode.string(rcode), fallback);
            }
            first = false;
            for (Record r : msg.getSection(Section.ANSWER)) {
                if (!parser.accept(r)) return finish(parser, bytes, tsig, lastSigned);
            }
            if (parser.complete()) return finish(parser, bytes, tsig, lastSigned);
            if (ixfr && parser.state() == XfrParser.State.FIRST_SOA && msg.getSection(Section.ANSWER).size() == 1) {
                // RFC 1995 §4: a response holding only the SOA is the whole answer.
                return finish(parser, bytes, tsig, lastSigned);
            }
        }
    }

    private static TransferResult finish(XfrParser parser, long bytes, TSIG tsig, boolean lastSigned) {
        if (!parser.failed() && tsig != null && !lastSigned) {
            // RFC 8945 §5.3.1: the last message of a signed stream must carry a TSIG.
            return new TransferResult.Failed("TSIG missing on the last message of the transfer", false);
        }
        return parser.result(bytes, true);
    }
}
