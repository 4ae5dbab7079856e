/** Measurement scheduling (Quartz): catchment (CHAOS TXT hostname.bind + NSID to the anycast address) and the unicast latency oracle. */
package net.nsglobal.te.measure;
