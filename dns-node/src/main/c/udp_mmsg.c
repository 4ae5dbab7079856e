/*
 * Batched UDP I/O for dns-node: recvmmsg(2)/sendmmsg(2), which Java NIO lacks.
 *
 * Why: at full load a DatagramChannel costs one recvfrom and one sendto per query, and half of the server's CPU is
 * then the kernel's. Knot and NSD read and write a batch of datagrams per system call; this file gives the Java
 * worker the same (see net.nsglobal.dns.transport.NativeUdp for the Java side and the buffer layout).
 *
 * Layout of one batch (all memory owned here, exposed to Java as direct ByteBuffers):
 *   rx   BATCH slots of SLOT bytes: received datagrams
 *   tx   BATCH slots of SLOT bytes: responses
 *   meta per received message i: int[4] {length, msg_flags, namelen, 0};
 *        per response k, at offset BATCH*16: int[2] {index of the query's rx slot, length}
 *   addr BATCH sockaddr_storage: the sources; a response goes to the address of its query's slot
 *   ctl  BATCH control buffers per direction: on a wildcard socket the destination address of each query
 *        (IP_PKTINFO / IPV6_PKTINFO), given back on its reply
 * Protocol conditions are not errors here: every function returns a count or -errno and never throws.
 *
 * Why pktinfo: a server bound to 0.0.0.0 or :: on a host with several addresses must answer from the address the
 * query was sent to (RFC 1035 §4.2.1 expects the reply from the queried address; resolvers and connected sockets
 * drop anything else). Without it the kernel picks the source by route. Knot and NSD do the same.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

typedef struct {
    int fd;
    int batch;
    int slot;
    unsigned char *rx;
    unsigned char *tx;
    int32_t *meta;
    struct sockaddr_storage *addr;
    struct mmsghdr *rxh;
    struct iovec *rxiov;
    struct mmsghdr *txh;
    struct iovec *txiov;
    int pktinfo;                 /* 1 when the socket is bound to a wildcard address */
    unsigned char *rxctl;
    unsigned char *txctl;
} batch_t;

#define CTL CMSG_SPACE(sizeof(struct in6_pktinfo) > sizeof(struct in_pktinfo) ? sizeof(struct in6_pktinfo) : sizeof(struct in_pktinfo))

#define JFN(name) Java_net_nsglobal_dns_transport_NativeUdp_##name

static int set_int(int fd, int level, int opt, int value) {
    return setsockopt(fd, level, opt, &value, sizeof value);
}

/* Opens and binds a UDP socket. addr is 4 or 16 bytes. Returns the descriptor or -errno. */
JNIEXPORT jint JNICALL JFN(open0)(JNIEnv *env, jclass cls, jbyteArray addr, jint port, jint scope,
                                  jboolean reuseport, jint rcvbuf, jint sndbuf, jint timeout_ms) {
    jsize alen = (*env)->GetArrayLength(env, addr);
    jbyte bytes[16];
    if (alen != 4 && alen != 16) return -EINVAL;
    (*env)->GetByteArrayRegion(env, addr, 0, alen, bytes);
    int v6 = alen == 16;
    int fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    struct timeval tv = { timeout_ms / 1000, (timeout_ms % 1000) * 1000 };
    /* Same socket semantics as a Java DatagramChannel: an IPv6 socket also takes IPv4-mapped traffic. */
    if ((v6 && set_int(fd, IPPROTO_IPV6, IPV6_V6ONLY, 0) < 0)
        || (reuseport && set_int(fd, SOL_SOCKET, SO_REUSEPORT, 1) < 0)
        || set_int(fd, SOL_SOCKET, SO_RCVBUF, rcvbuf) < 0
        || set_int(fd, SOL_SOCKET, SO_SNDBUF, sndbuf) < 0
        /* a receive wakes up at least this often, so close() never depends on shutdown() waking it */
        || setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    int wildcard = 1;
    for (int i = 0; i < alen; i++) wildcard &= bytes[i] == 0;
    if (wildcard) {
        /* an IPv6 socket also takes IPv4 (V6ONLY=0): the kernel then reports IPV6_PKTINFO with a mapped address */
        int rc0 = v6 ? set_int(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1) : set_int(fd, IPPROTO_IP, IP_PKTINFO, 1);
        if (rc0 < 0) {
            int e = errno;
            close(fd);
            return -e;
        }
    }
    int rc;
    if (v6) {
        struct sockaddr_in6 sa;
        memset(&sa, 0, sizeof sa);
        sa.sin6_family = AF_INET6;
        sa.sin6_port = htons((uint16_t) port);
        sa.sin6_scope_id = (uint32_t) scope;
        memcpy(&sa.sin6_addr, bytes, 16);
        rc = bind(fd, (struct sockaddr *) &sa, sizeof sa);
    } else {
        struct sockaddr_in sa;
        memset(&sa, 0, sizeof sa);
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t) port);
        memcpy(&sa.sin_addr, bytes, 4);
        rc = bind(fd, (struct sockaddr *) &sa, sizeof sa);
    }
    if (rc < 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    return fd;
}

/* The bound port, or -errno. */
JNIEXPORT jint JNICALL JFN(localPort0)(JNIEnv *env, jclass cls, jint fd) {
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *) &ss, &len) < 0) return -errno;
    if (ss.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *) &ss)->sin6_port);
    return ntohs(((struct sockaddr_in *) &ss)->sin_port);
}

/* Wakes a receive blocked on fd (Linux wakes readers of an unconnected UDP socket on shutdown). */
JNIEXPORT void JNICALL JFN(shutdown0)(JNIEnv *env, jclass cls, jint fd) {
    shutdown(fd, SHUT_RDWR);
}

JNIEXPORT void JNICALL JFN(close0)(JNIEnv *env, jclass cls, jint fd) {
    close(fd);
}

/* Allocates the batch state for fd; 0 when out of memory. */
JNIEXPORT jlong JNICALL JFN(create0)(JNIEnv *env, jclass cls, jint fd, jint batch, jint slot) {
    batch_t *b = calloc(1, sizeof *b);
    if (!b) return 0;
    b->fd = fd;
    b->batch = batch;
    b->slot = slot;
    b->rx = malloc((size_t) batch * slot);
    b->tx = malloc((size_t) batch * slot);
    b->meta = calloc((size_t) batch * 6, sizeof(int32_t));
    b->addr = calloc((size_t) batch, sizeof *b->addr);
    b->rxh = calloc((size_t) batch, sizeof *b->rxh);
    b->rxiov = calloc((size_t) batch, sizeof *b->rxiov);
    b->txh = calloc((size_t) batch, sizeof *b->txh);
    b->txiov = calloc((size_t) batch, sizeof *b->txiov);
    b->rxctl = calloc((size_t) batch, CTL);
    b->txctl = calloc((size_t) batch, CTL);
    int on = 0;
    socklen_t onlen = sizeof on;
    struct sockaddr_storage self;
    socklen_t selflen = sizeof self;
    if (getsockname(fd, (struct sockaddr *) &self, &selflen) == 0) {
        if (self.ss_family == AF_INET6) getsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &on, &onlen);
        else getsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, &onlen);
    }
    b->pktinfo = on != 0;
    if (!b->rxctl || !b->txctl || !b->rx || !b->tx || !b->meta || !b->addr || !b->rxh || !b->rxiov || !b->txh || !b->txiov) {
        free(b->rx); free(b->tx); free(b->meta); free(b->addr);
        free(b->rxh); free(b->rxiov); free(b->txh); free(b->txiov);
        free(b->rxctl); free(b->txctl); free(b);
        return 0;
    }
    for (int i = 0; i < batch; i++) {
        b->rxiov[i].iov_base = b->rx + (size_t) i * slot;
        b->rxiov[i].iov_len = (size_t) slot;
        b->rxh[i].msg_hdr.msg_iov = &b->rxiov[i];
        b->rxh[i].msg_hdr.msg_iovlen = 1;
        b->rxh[i].msg_hdr.msg_name = &b->addr[i];
        b->txiov[i].iov_base = b->tx + (size_t) i * slot;
        b->txh[i].msg_hdr.msg_iov = &b->txiov[i];
        b->txh[i].msg_hdr.msg_iovlen = 1;
    }
    return (jlong) (intptr_t) b;
}

JNIEXPORT void JNICALL JFN(destroy0)(JNIEnv *env, jclass cls, jlong handle) {
    batch_t *b = (batch_t *) (intptr_t) handle;
    if (!b) return;
    free(b->rx); free(b->tx); free(b->meta); free(b->addr);
    free(b->rxh); free(b->rxiov); free(b->txh); free(b->txiov);
    free(b->rxctl); free(b->txctl);
    free(b);
}

/* which: 0 rx, 1 tx, 2 meta, 3 addr. The buffers live until destroy0. */
JNIEXPORT jobject JNICALL JFN(buffer0)(JNIEnv *env, jclass cls, jlong handle, jint which) {
    batch_t *b = (batch_t *) (intptr_t) handle;
    switch (which) {
    case 0: return (*env)->NewDirectByteBuffer(env, b->rx, (jlong) b->batch * b->slot);
    case 1: return (*env)->NewDirectByteBuffer(env, b->tx, (jlong) b->batch * b->slot);
    case 2: return (*env)->NewDirectByteBuffer(env, b->meta, (jlong) b->batch * 6 * sizeof(int32_t));
    case 3: return (*env)->NewDirectByteBuffer(env, b->addr, (jlong) b->batch * sizeof *b->addr);
    default: return NULL;
    }
}

/*
 * Waits for at least one datagram, then takes whatever else is already queued, up to the batch size
 * (MSG_WAITFORONE). Returns the number received, 0 on timeout or interruption, or -errno.
 */
JNIEXPORT jint JNICALL JFN(receive0)(JNIEnv *env, jclass cls, jlong handle) {
    batch_t *b = (batch_t *) (intptr_t) handle;
    for (int i = 0; i < b->batch; i++) {
        b->rxh[i].msg_hdr.msg_namelen = sizeof(struct sockaddr_storage);
        b->rxh[i].msg_hdr.msg_flags = 0;
        b->rxh[i].msg_len = 0;
        b->rxh[i].msg_hdr.msg_control = b->pktinfo ? b->rxctl + (size_t) i * CTL : NULL;
        b->rxh[i].msg_hdr.msg_controllen = b->pktinfo ? CTL : 0;
    }
    int n = recvmmsg(b->fd, b->rxh, (unsigned) b->batch, MSG_WAITFORONE, NULL);
    if (n < 0) return (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) ? 0 : -errno;
    for (int i = 0; i < n; i++) {
        b->meta[i * 4] = (int32_t) b->rxh[i].msg_len;
        b->meta[i * 4 + 1] = b->rxh[i].msg_hdr.msg_flags;
        b->meta[i * 4 + 2] = (int32_t) b->rxh[i].msg_hdr.msg_namelen;
    }
    return n;
}

/*
 * Gives reply k the query j's destination address as its source: IPV6_PKTINFO as received (address and interface,
 * which link-local addresses need), IP_PKTINFO with ipi_spec_dst = the queried address and no interface forced.
 */
static void reply_from_queried_address(batch_t *b, int j, int k, struct msghdr *h) {
    struct msghdr *rx = &b->rxh[j].msg_hdr;
    if (rx->msg_controllen == 0 || (rx->msg_flags & MSG_CTRUNC)) return;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(rx); c; c = CMSG_NXTHDR(rx, c)) {
        int v4 = c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO;
        int v6 = c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO;
        if (!v4 && !v6) continue;
        size_t len = v4 ? sizeof(struct in_pktinfo) : sizeof(struct in6_pktinfo);
        h->msg_control = b->txctl + (size_t) k * CTL;
        h->msg_controllen = CMSG_SPACE(len);
        memset(h->msg_control, 0, CTL);
        struct cmsghdr *t = CMSG_FIRSTHDR(h);
        t->cmsg_level = c->cmsg_level;
        t->cmsg_type = c->cmsg_type;
        t->cmsg_len = CMSG_LEN(len);
        if (v4) {
            struct in_pktinfo in, out;
            memcpy(&in, CMSG_DATA(c), sizeof in);
            memset(&out, 0, sizeof out);
            out.ipi_spec_dst = in.ipi_addr;
            memcpy(CMSG_DATA(t), &out, sizeof out);
        } else {
            memcpy(CMSG_DATA(t), CMSG_DATA(c), len);
        }
        return;
    }
}

/*
 * Sends count responses described at meta[batch*4 ...] as {rx slot, length}. A response the kernel refuses (say
 * ICMP port unreachable reported on the socket) is dropped and the rest still go out, as a lost UDP answer would
 * be. Returns the number sent, or -errno of the last refusal when none was sent.
 */
JNIEXPORT jint JNICALL JFN(send0)(JNIEnv *env, jclass cls, jlong handle, jint count) {
    batch_t *b = (batch_t *) (intptr_t) handle;
    int32_t *out = b->meta + (size_t) b->batch * 4;
    for (int k = 0; k < count; k++) {
        int j = out[k * 2];
        struct msghdr *h = &b->txh[k].msg_hdr;
        h->msg_name = &b->addr[j];
        h->msg_namelen = b->rxh[j].msg_hdr.msg_namelen;
        b->txiov[k].iov_len = (size_t) out[k * 2 + 1];
        h->msg_control = NULL;
        h->msg_controllen = 0;
        if (b->pktinfo) reply_from_queried_address(b, j, k, h);
    }
    int done = 0, sent = 0, err = 0;
    while (done < count) {
        int n = sendmmsg(b->fd, b->txh + done, (unsigned) (count - done), 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            done++;                       /* skip the refused datagram */
            continue;
        }
        done += n;
        sent += n;
    }
    return sent > 0 || err == 0 ? sent : -err;
}
