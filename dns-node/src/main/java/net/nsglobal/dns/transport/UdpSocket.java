package net.nsglobal.dns.transport;

import java.net.InetSocketAddress;

/** One bound UDP socket served by one worker thread: {@link NioUdpSocket} or {@link BatchedUdpSocket}. */
interface UdpSocket {
    InetSocketAddress localAddress();

    /** Receives, answers and sends until {@link #stop()}; never throws. */
    void serve(QueryHandler.Worker worker);

    /** Makes {@link #serve} return soon (wakes a blocked receive). */
    void stop();

    /** Frees the socket; call after {@link #serve} returned, or instead of it. */
    void release();
}
