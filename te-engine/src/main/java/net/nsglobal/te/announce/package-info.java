/**
 * The site agent: health-checked announcement of the anycast prefix from one site. {@link
 * net.nsglobal.te.announce.SiteAgent} runs the {@link net.nsglobal.te.announce.Check}s (DNS on the service address,
 * zones expired, collector reachable) every round and, with rise/fall hysteresis, announces or withdraws the prefix by
 * rewriting one BIRD include file ({@link net.nsglobal.te.announce.AnycastStateFile}, included by every export filter
 * of the site's rendered configuration) and having BIRD re-read its configuration through te-engine's one
 * control-socket client ({@link net.nsglobal.te.announce.BirdConnector}: local socket, or SSH); maintenance drains
 * first with RFC 8326 GRACEFUL_SHUTDOWN. After BIRD, it reports every transition and round ({@link
 * net.nsglobal.te.announce.AgentEvents}: {@link net.nsglobal.te.announce.HttpAgentEvents} to the control plane, which
 * keeps them in {@link net.nsglobal.te.announce.PostgresAgentLog} for the operators' page). Configured by the {@code
 * site-agent:} section ({@link net.nsglobal.te.announce.AgentSchema}).
 */
package net.nsglobal.te.announce;
