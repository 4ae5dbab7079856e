/**
 * The measurement-creation request of the RIPE Atlas REST API v2 as Java types: definitions (DNS, built for
 * catchment mapping as CHAOS TXT {@code hostname.bind} with the NSID bit, RFC 5001 §2.1, sent straight to the anycast
 * address; ping, for latency to a site's unicast address), the probe selection and the schedule. Values that write
 * themselves into the request's JSON (Jackson tree, the API's field names); no I/O.
 *
 * <p>Uses nothing else of NS-Global. Used by {@code api} (which posts it), {@code backend} and {@code cli}.
 */
package net.nsglobal.atlas.model;
