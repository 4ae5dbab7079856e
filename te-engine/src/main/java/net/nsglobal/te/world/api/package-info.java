/**
 * The simulated Internet's RIPE-Atlas-compatible HTTP face ({@link net.nsglobal.te.world.api.SimulatedAtlas}): the
 * REST API v2 paths, shapes, error bodies and throttling of atlas.ripe.net, served on loopback from a
 * {@link net.nsglobal.te.world.World}, so the unchanged atlas client and the scheduled jobs run against it exactly as
 * against RIPE Atlas. A simulated probe's DNS measurement is a real query to the DNS server of the site the probe
 * reaches, so the recorded {@code abuf} carries that server's own NSID and {@code hostname.bind}; a stopped server
 * yields timeouts. Pings are the world's RTT model.
 *
 * <p>May use: the JDK's {@code com.sun.net.httpserver}, Jackson, dnsjava (to build queries), the atlas client's
 * {@code probes.Probe}, {@code world.World}. Never Javalin, never a non-loopback address of its own choosing: it sends
 * DNS queries only to the site servers it is given.
 */
package net.nsglobal.te.world.api;
