/**
 * The routing core of the simulated Internet: the real AS graph ({@link net.nsglobal.te.world.AsGraph}, CAIDA AS
 * relationships) and, for a set of anycast announcements, every AS's best route to the fleet
 * ({@link net.nsglobal.te.world.Routing}: Gao–Rexford preference and valley-free export, computed in three linear
 * passes, neighbours honouring their action communities) — i.e. which sessions catch each AS's traffic, and of
 * those the site nearest to a given source (hot potato). An AS's region, for regional communities, is
 * {@link net.nsglobal.te.world.AsRegions} (CAIDA AS organisations); the announcements come from the sites' records
 * ({@link net.nsglobal.te.world.Announcement#of}) or from their rendered BIRD configurations
 * ({@link net.nsglobal.te.world.BirdAnnouncements}).
 * May use: platform.sites (the fleet's records), bzcat for the bzip2 graph file, the rendered BIRD configurations
 * (read, never written: {@link net.nsglobal.te.world.BirdAnnouncements}). Used by: te-engine's what-if
 * analysis and the demo's simulated clients. Never the web stack, never the network.
 */
package net.nsglobal.te.world;
