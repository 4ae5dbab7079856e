/**
 * The site agent: health-checked announcement of the anycast prefix from one site. {@link
 * net.nsglobal.te.announce.SiteAgent} runs the {@link net.nsglobal.te.announce.Check}s (DNS on the service address,
 * zones expired, collector reachable) every round and, with rise/fall hysteresis, announces or withdraws the prefix by
 * rewriting one BIRD include file ({@link net.nsglobal.te.announce.AnycastStateFile}) and running {@code birdc
 * configure}; maintenance drains first with RFC 8326 GRACEFUL_SHUTDOWN. Configured by the {@code site-agent:}
 * section ({@link net.nsglobal.te.announce.AgentSchema}).
 */
package net.nsglobal.te.announce;
