/**
 * The control plane in one object ({@link net.nsglobal.dashboard.ControlPlane}: database, catalog publisher, sign-up,
 * confirmation, delegation and status services, web server; on start it republishes the stored zone list, so a
 * restarted control plane serves the same catalog) and the two commands that run it: {@code nsglobal control-plane}
 * for a deployment and {@code nsglobal demo} for the whole platform on loopback.
 *
 * <p>Uses every other dashboard package (it wires them). Used by the launcher ({@code net.nsglobal.cli}) and by
 * {@code demo}.
 */
package net.nsglobal.dashboard;
