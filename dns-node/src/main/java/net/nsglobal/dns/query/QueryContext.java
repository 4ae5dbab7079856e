package net.nsglobal.dns.query;

import java.net.InetSocketAddress;
import org.xbill.DNS.Message;

/**
 * One query on its way through the {@link Pipeline}: the raw request, where it came from, and the response that a
 * stage sets. The fast path works on the raw bytes; stages that need the whole message (NOTIFY, transfers, TSIG)
 * ask for {@link #message()}, parsed once on demand by dnsjava.
 *
 * <p>Not thread-safe: one context belongs to one query on one thread.
 */
public class QueryContext {
    private final byte[] wire;
    private final int length;
    private final Transport transport;
    private final InetSocketAddress remote;
    private final ResponseStream stream;
    private Message message;
    private boolean messageParsed;
    private byte[] response;
    private int responseLength;
    private int rcode = -1;

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
        this.stream = stream;
    }

    public byte[] wire() { return wire; }
    public int length() { return length; }
    public Transport transport() { return transport; }
    public InetSocketAddress remote() { return remote; }
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
