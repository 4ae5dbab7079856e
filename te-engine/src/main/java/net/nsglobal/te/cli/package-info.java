/**
 * {@code nsglobal te}: the traffic-engineering engine's commands — {@code te predict} (the simulated world's
 * catchment and RTT per probe), {@code te calibrate} (refits the RTT model), {@code te world-sites} (writes a world's
 * site files with neighbours chosen from the CAIDA graph by a fixed rule).
 * May use: picocli, te-engine's world. Used by: the launcher.
 */
package net.nsglobal.te.cli;
