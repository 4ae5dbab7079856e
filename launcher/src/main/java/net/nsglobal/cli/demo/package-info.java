/**
 * The whole platform on loopback for {@code nsglobal demo}: an embedded mailbox (GreenMail, one IMAP login per demo
 * zone's RNAME), a customer primary with sample zones, the control plane with its catalog, a collector and one edge per site of {@code sites/},
 * all dns-node {@link net.nsglobal.dns.Node}s in this process, on ports at fixed offsets so a restarted demo finds its
 * primaries where they were.
 *
 * <p>Uses the control plane and its {@code config}, the dashboard's {@code web} (the web app; the demo mailbox page's type) and dns-node
 * (nodes and their config). Used by the launcher's {@code nsglobal demo} command.
 */
package net.nsglobal.cli.demo;
