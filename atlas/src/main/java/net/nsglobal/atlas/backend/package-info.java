/**
 * What the traffic-engineering loop schedules measurements against: {@link
 * net.nsglobal.atlas.backend.MeasurementBackend} runs DNS and ping measurements from vantage points and pushes results
 * to a sink one at a time; {@link net.nsglobal.atlas.backend.RipeAtlasBackend} implements it on the RIPE Atlas API,
 * taking prices from the API per measurement, never from constants.
 *
 * <p>Uses {@code api}, {@code model}, {@code probes} and {@code results}. Meant for te-engine's measure step (see
 * {@code net.nsglobal.te}), which has no code yet; nothing calls it today.
 */
package net.nsglobal.atlas.backend;
