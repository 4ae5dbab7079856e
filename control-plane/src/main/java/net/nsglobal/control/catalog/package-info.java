/**
 * Publishing the confirmed zone list to the collector: the customers' catalog zone (RFC 9432 version 2, members with
 * primaries, port and TSIG key name as {@code ext} properties) is built from the store, served by DNS from an
 * in-process dns-node (SOA, AXFR, IXFR as full zone to loopback and the collector) and NOTIFYed to the collector on
 * every change (RFC 1996 §3.7). The TSIG secrets travel only through the collector's key file (mode 0600, temp and
 * rename), written before the catalog version that names them.
 *
 * <p>Uses {@code store}, {@code validate} and dns-node ({@code Node}, its config and compiled zones). Used by the
 * control plane and by {@code signup} (each confirmation republishes).
 */
package net.nsglobal.control.catalog;
