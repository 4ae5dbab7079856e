/**
 * The node's operator endpoints on {@code server.http}, on the JDK HTTP server so the DNS hot path gains no
 * dependency: {@code GET /metrics} (Prometheus text format), {@code GET /health} (JSON, 200 while serving) and
 * {@code POST /reload} (re-reads changed zone files now).
 *
 * <p>Uses no other NS-Global package: it declares the little it needs from the node (scrape, health, reload) as its
 * own interface. Used only by {@link net.nsglobal.dns.Node}.
 */
package net.nsglobal.dns.http;
