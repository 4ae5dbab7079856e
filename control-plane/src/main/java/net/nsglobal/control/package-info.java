/**
 * The control plane's services in one object ({@link net.nsglobal.control.ControlPlane}): database, catalog publisher,
 * sign-up, confirmation, delegation and status services, operators' authentication and their periodic jobs. On start it republishes the stored
 * zone list, so a restarted control plane serves the same catalog. It serves no web page: the dashboard's web app is
 * started over it by the launcher.
 *
 * <p>Its tables live in the platform's shared database ({@code net.nsglobal.platform.db}, migration set
 * {@code control-plane}), and its periodic work runs as jobs on one platform scheduler ({@code net.nsglobal.platform.jobs},
 * instance {@code control-plane-<hash of the database's location>}, stored in that database): {@code status-recheck} and {@code status-refresh} (status
 * checks), {@code purge-expired-requests} and {@code delegation-watch}.
 *
 * <p>Uses every other control-plane package (it wires them), platform (database and jobs) and dns-node (the catalog is served by a dns-node zone).
 * Used by the launcher ({@code net.nsglobal.cli}) and by the dashboard (pages read and call its services).
 */
package net.nsglobal.control;
