package net.nsglobal.dns.query;

import java.net.InetSocketAddress;
import net.nsglobal.dns.wire.ParsedQuery;
import net.nsglobal.dns.zone.NameKey;
import net.nsglobal.dns.zone.Zone;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * One query on its way through the {@link Pipeline}: the raw request, where it came from, and the response that a
 * stage sets. The fast path works on the raw bytes; stages that need the whole message (NOTIFY, transfers, TSIG)
 * ask for {@link #message()}, parsed once on demand by dnsjava.
 *
 * <p>Not thread-safe: one context belongs to one query on one thread. A UDP worker keeps one context and
 * {@link #reuse reuses} it for every datagram, so that answering from the cache allocates nothing (no garbage, no
 * young collections, no collector pauses at a steady load).
 */
public class QueryContext {
    private byte[] wire;
    private int length;
    private Transport transport;
    private InetSocketAddress remote;
    private java.util.function.Supplier<InetSocketAddress> remoteSource;
    private ResponseStream stream;
    private Message message;
    private boolean messageParsed;
    private byte[] response;
    private int responseLength;
    private int rcode = -1;
    private final ParsedQuery parsed;
    private final NameKey probe;
    private byte[] outputBuffer;
    private Name qname;
    private Zone zone;

    /**
     * @param wire    request bytes (not copied; valid only for the duration of processing)
     * @param length  number of valid bytes in {@code wire}
     * @param stream  the TCP writer for multi-message answers, or {@code null} on UDP
     */
    public QueryContext(byte[] wire, int length, Transport transport, InetSocketAddress remote, ResponseStream stream) {
        this.wire = wire;
        this.length = length;
        this.transport = transport;
        this.remote = remote;
        this.remoteSource = null;
        this.stream = stream;
        this.parsed = new ParsedQuery();
        this.probe = new NameKey();
    }

    /**
     * Allocation-free form for transports that reuse per-thread scratch objects.
     *
     * @param scratch       parse state reused by this thread (overwritten by the pipeline)
     * @param probe         zone lookup probe reused by this thread
     * @param outputBuffer  where the fast path writes the response (≥ 65535 bytes; then {@link #response()} is this
     *                      buffer, valid until the thread's next query); null to get a fresh array per response
     */
    public QueryContext(byte[] wire, int length, Transport transport, InetSocketAddress remote, ResponseStream stream,
                        ParsedQuery scratch, NameKey probe, byte[] outputBuffer) {
        this(wire, length, transport, remote, null, stream, scratch, probe, outputBuffer);
    }

    /**
     * As above, with the client's address decoded only if a stage asks for it ({@code remoteSource}, when
     * {@code remote} is null): answering a plain query never needs it, so a batched transport skips building one.
     */
    public QueryContext(byte[] wire, int length, Transport transport, InetSocketAddress remote,
                        java.util.function.Supplier<InetSocketAddress> remoteSource, ResponseStream stream,
                        ParsedQuery scratch, NameKey probe, byte[] outputBuffer) {
        this.wire = wire;
        this.length = length;
        this.transport = transport;
        this.remote = remote;
        this.remoteSource = remoteSource;
        this.stream = stream;
        this.parsed = scratch;
        this.probe = probe;
        this.outputBuffer = outputBuffer;
    }

    /**
     * Readies this context for the next query on the same thread, as if newly made with the same scratch state,
     * probe and output buffer: everything a stage set for the previous query (response, rcode, zone, parsed message,
     * question name, client address) is forgotten. The previous query's response buffer is overwritten by the next
     * answer, so its caller must have sent it.
     */
    public QueryContext reuse(byte[] wire, int length, Transport transport,
                              java.util.function.Supplier<InetSocketAddress> remoteSource) {
        this.wire = wire;
        this.length = length;
        this.transport = transport;
        this.remote = null;
        this.remoteSource = remoteSource;
        this.stream = null;
        this.message = null;
        this.messageParsed = false;
        this.response = null;
        this.responseLength = 0;
        this.rcode = -1;
        this.qname = null;
        this.zone = null;
        return this;
    }

    /** Header, question and EDNS fields, filled by the pipeline's first stage. */
    public ParsedQuery parsed() { return parsed; }
    public NameKey probe() { return probe; }
    /** A caller-supplied response buffer, or null. */
    public byte[] outputBuffer() { return outputBuffer; }

    public int id() { return parsed.id; }
    public int opcode() { return parsed.opcode(); }
    public int qtype() { return parsed.qtype; }
    public int qclass() { return parsed.qclass; }
    public boolean hasEdns() { return parsed.edns; }
    /** Requestor's UDP payload size from OPT (RFC 6891 §6.2.3), 0 without EDNS. */
    public int udpPayload() { return parsed.udpPayload; }
    /** DO bit (RFC 3225). */
    public boolean dnssecOk() { return parsed.dnssecOk; }
    public boolean nsidRequested() { return parsed.nsidRequested; }

    /** The question name as sent (case preserved), or null when there is no parsable question. */
    public Name qname() {
        if (qname == null && parsed.questionParsed) {
            try {
                qname = new Name(new org.xbill.DNS.DNSInput(java.util.Arrays.copyOfRange(wire, 12, parsed.questionEnd)));
            } catch (Exception e) {
                return null;
            }
        }
        return qname;
    }

    /** The hosted zone the question falls in, once the zone lookup stage ran (null if none). */
    public Zone zone() { return zone; }
    public void zone(Zone z) { this.zone = z; }

    public byte[] wire() { return wire; }
    public int length() { return length; }
    public Transport transport() { return transport; }
    public InetSocketAddress remote() {
        if (remote == null && remoteSource != null) remote = remoteSource.get();
        return remote;
    }
    /** Writer for multi-message TCP answers; {@code null} on UDP. */
    public ResponseStream stream() { return stream; }

    /** The request parsed by dnsjava, or {@code null} if it does not parse (the caller answers FORMERR). */
    public Message message() {
        if (!messageParsed) {
            messageParsed = true;
            try {
                byte[] copy = java.util.Arrays.copyOf(wire, length);
                message = new Message(copy);
            } catch (Exception e) {
                message = null;
            }
        }
        return message;
    }

    /** Sets the single response to send; returns {@link Verdict#RESPOND} for brevity in stages. */
    public Verdict respond(byte[] bytes, int len, int rcode) {
        this.response = bytes;
        this.responseLength = len;
        this.rcode = rcode;
        return Verdict.RESPOND;
    }

    public Verdict respond(byte[] bytes, int rcode) {
        return respond(bytes, bytes.length, rcode);
    }

    /** Records that the answer was already streamed (zone transfer); nothing more to send. */
    public Verdict streamed(int rcode) {
        this.response = null;
        this.responseLength = 0;
        this.rcode = rcode;
        return Verdict.RESPOND;
    }

    public byte[] response() { return response; }
    public int responseLength() { return responseLength; }
    /** The rcode of the response (for metrics), or -1 if none. */
    public int rcode() { return rcode; }
}
