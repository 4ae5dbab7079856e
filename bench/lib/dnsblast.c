/*
 * dnsblast: a closed-loop UDP DNS load generator for measuring a server's maximum answer rate on one core.
 *
 * dnsperf sends and receives one datagram per system call and keeps per-query state; on this 2-core machine its one
 * core tops out near 100k qps, so every server measured with it looks the same at saturation. dnsblast keeps
 * WINDOW queries outstanding and moves them in batches of up to BATCH datagrams per sendmmsg(2)/recvmmsg(2), with
 * no per-query state beyond a send-time stamp per DNS message ID, so the server, not the generator, is what runs out.
 *
 * The queries are those of a dnsperf data file ("name TYPE" per line), encoded once at start (RD clear, no EDNS, as
 * dnsperf sends them with its defaults), cycled in order. A query unanswered after 100 ms counts as lost and frees its
 * slot in the window. Only answers whose ID matches an outstanding query count.
 *
 * usage: dnsblast SERVER PORT QUERYFILE SECONDS [WINDOW [BATCH]]      (defaults 256 and 32)
 * prints: sent=N answered=N lost=N seconds=S qps=Q cpu=C%  (qps = answered / seconds; C: dnsblast's own CPU time
 * over the run, so that a run where the generator, not the server, was the busy one shows)
 *
 * Not a test; built and run by bench/dns-bench.sh. Method: docs/performance.md.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAXQ 512
#define MAXBATCH 64
#define IDS 65536
#define LOST_NS 100000000LL

struct query { unsigned char wire[MAXQ]; int len; };

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int qtype(const char *t) {
    static const struct { const char *n; int v; } types[] = {
        {"A", 1}, {"NS", 2}, {"CNAME", 5}, {"SOA", 6}, {"PTR", 12}, {"MX", 15}, {"TXT", 16}, {"AAAA", 28},
        {"SRV", 33}, {"NAPTR", 35}, {"DS", 43}, {"RRSIG", 46}, {"NSEC", 47}, {"DNSKEY", 48}, {"ANY", 255}};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) if (strcasecmp(t, types[i].n) == 0) return types[i].v;
    if (strncasecmp(t, "TYPE", 4) == 0) return atoi(t + 4);
    return -1;
}

/* RFC 1035 section 4.1: header, then QNAME as labels, QTYPE, QCLASS IN. */
static int encode(const char *name, int type, unsigned char *out) {
    memset(out, 0, 12);
    out[5] = 1; /* QDCOUNT */
    int n = 12;
    const char *p = name;
    while (*p && !(p[0] == '.' && p[1] == 0)) {
        const char *dot = strchr(p, '.');
        int len = dot ? (int)(dot - p) : (int)strlen(p);
        if (len == 0 || len > 63 || n + len + 6 > MAXQ) return -1;
        out[n++] = (unsigned char)len;
        memcpy(out + n, p, len);
        n += len;
        p += len;
        if (*p == '.') p++;
    }
    out[n++] = 0;
    out[n++] = type >> 8; out[n++] = type & 0xff;
    out[n++] = 0; out[n++] = 1;
    return n;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: dnsblast SERVER PORT QUERYFILE SECONDS [WINDOW [BATCH]]\n");
        return 2;
    }
    int window = argc > 5 ? atoi(argv[5]) : 256, batch = argc > 6 ? atoi(argv[6]) : 32;
    double seconds = atof(argv[4]);
    if (window < 1 || window > 32768 || batch < 1 || batch > MAXBATCH || seconds <= 0) {
        fprintf(stderr, "dnsblast: WINDOW 1..32768, BATCH 1..%d, SECONDS > 0\n", MAXBATCH);
        return 2;
    }
    FILE *f = fopen(argv[3], "r");
    if (!f) { perror("dnsblast: query file"); return 1; }
    size_t cap = 1024, nq = 0;
    struct query *qs = malloc(cap * sizeof *qs);
    char line[1024], name[512], type[32];
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "%511s %31s", name, type) != 2 || name[0] == '#') continue;
        int t = qtype(type);
        if (t < 0) { fprintf(stderr, "dnsblast: unknown type %s\n", type); return 1; }
        if (nq == cap) qs = realloc(qs, (cap *= 2) * sizeof *qs);
        if ((qs[nq].len = encode(name, t, qs[nq].wire)) < 0) { fprintf(stderr, "dnsblast: bad name %s\n", name); return 1; }
        nq++;
    }
    fclose(f);
    if (nq == 0) { fprintf(stderr, "dnsblast: no queries in %s\n", argv[3]); return 1; }

    struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[2]))};
    if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) { fprintf(stderr, "dnsblast: bad address %s\n", argv[1]); return 1; }
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&to, sizeof to) < 0) { perror("dnsblast: socket"); return 1; }
    int buf = 4 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof buf);

    static long long sent_at[IDS]; /* 0: slot free */
    static unsigned char out[MAXBATCH][MAXQ], in[MAXBATCH][MAXQ];
    struct mmsghdr smsg[MAXBATCH], rmsg[MAXBATCH];
    struct iovec siov[MAXBATCH], riov[MAXBATCH];
    memset(smsg, 0, sizeof smsg);
    memset(rmsg, 0, sizeof rmsg);
    for (int i = 0; i < MAXBATCH; i++) {
        siov[i].iov_base = out[i];
        smsg[i].msg_hdr.msg_iov = &siov[i];
        smsg[i].msg_hdr.msg_iovlen = 1;
        riov[i].iov_base = in[i];
        riov[i].iov_len = MAXQ;
        rmsg[i].msg_hdr.msg_iov = &riov[i];
        rmsg[i].msg_hdr.msg_iovlen = 1;
    }

    long long start = now_ns(), end = start + (long long)(seconds * 1e9), last_sweep = start;
    long long sent = 0, answered = 0, lost = 0;
    int outstanding = 0;
    unsigned next_id = 0;
    size_t next_q = 0;
    for (;;) {
        long long t = now_ns();
        if (t >= end) break;
        /* fill the window */
        while (outstanding < window) {
            int k = 0;
            while (k < batch && outstanding + k < window) {
                unsigned id = next_id++ & 0xffff;
                if (sent_at[id]) continue; /* still outstanding from a wrap-around: skip the ID */
                struct query *q = &qs[next_q++ % nq];
                memcpy(out[k], q->wire, q->len);
                out[k][0] = id >> 8; out[k][1] = id & 0xff;
                siov[k].iov_len = q->len;
                sent_at[id] = t;
                k++;
            }
            int s = sendmmsg(fd, smsg, k, 0);
            if (s < 0) {
                if (errno == EINTR) s = 0;
                else if (errno == EAGAIN || errno == ENOBUFS || errno == ECONNREFUSED) s = 0;
                else { perror("dnsblast: sendmmsg"); return 1; }
            }
            for (int i = s; i < k; i++) sent_at[(out[i][0] << 8) | out[i][1]] = 0; /* not sent: free the ID */
            sent += s;
            outstanding += s;
            if (s < k) break;
        }
        /* drain what has arrived; wait up to 1 ms when nothing has */
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int r = recvmmsg(fd, rmsg, batch, MSG_DONTWAIT, NULL);
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR || errno == ECONNREFUSED)) {
            if (poll(&p, 1, 1) > 0) r = recvmmsg(fd, rmsg, batch, MSG_DONTWAIT, NULL);
        }
        for (int i = 0; i < r; i++) {
            if (rmsg[i].msg_len < 12 || !(in[i][2] & 0x80)) continue;
            unsigned id = (in[i][0] << 8) | in[i][1];
            if (!sent_at[id]) continue;
            sent_at[id] = 0;
            answered++;
            outstanding--;
        }
        /* every 10 ms, queries outstanding for more than 100 ms are lost */
        t = now_ns();
        if (t - last_sweep > 10000000LL) {
            last_sweep = t;
            for (unsigned id = 0; id < IDS; id++) {
                if (sent_at[id] && t - sent_at[id] > LOST_NS) { sent_at[id] = 0; lost++; outstanding--; }
            }
        }
    }
    double took = (now_ns() - start) / 1e9;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    printf("sent=%lld answered=%lld lost=%lld seconds=%.3f qps=%.0f cpu=%.0f%%\n", sent, answered, lost, took,
           answered / took, 100 * cpu / took);
    return 0;
}
