/**
 * {@code nsglobal te}: the traffic-engineering engine's commands — {@code te predict} (the simulated world's
 * catchment and RTT per probe), {@code te calibrate} (refits the RTT model), {@code te world-sites} (writes a world's
 * site files with neighbours chosen from the CAIDA graph by a fixed rule), {@code te render} (a site's BIRD
 * configuration), and the route-change proposals ({@code te proposals}, {@code show}, {@code approve},
 * {@code reject}); {@code site-agent} (the health-checked announcement beside an edge) is a top-level command.
 * May use: picocli, te-engine. Used by: the launcher.
 */
package net.nsglobal.te.cli;
