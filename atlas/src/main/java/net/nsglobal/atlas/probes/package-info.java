/**
 * RIPE Atlas probe metadata ({@code GET /api/v2/probes/}) and the filters to list it: coordinates read from GeoJSON
 * as {@code [lon, lat]} (RFC 7946 §3.1.1), status by name, page size capped at the API's 500.
 *
 * <p>Plain data; uses nothing else of NS-Global. Used by {@code api} (which pages through the listing),
 * {@code backend} and {@code cli}.
 */
package net.nsglobal.atlas.probes;
