/**
 * The dashboard's web server: {@link net.nsglobal.dashboard.web.WebApp} is a shell (Javalin, the headers and strict
 * CSP every response carries, the request size limit, error pages) that mounts route modules, each a small class
 * with its own routes and its own guard ({@code WebModule}, {@code Mount}): the public sign-up, change and removal
 * forms ({@code SignupPages}), the confirmation page behind the mailed link ({@code ConfirmPages}), zone status
 * ({@code StatusPages}), the JSON API ({@code Api}), the operators' API ({@code OpsApi}: API token or session) and
 * pages ({@code OpsPages}: log-in, log-out, {@code /ops}), the observatory's operator pages and JSON API
 * ({@code ObservatoryPages}, {@code ObservatoryApi}: the catchment map {@code MapSvg}, the charts {@code Charts} over
 * {@code Figures}), and the demo's mailbox ({@code DemoPages}). Pages are
 * server-rendered JTE templates without JavaScript; every page POST carries a double-submit CSRF token; every response
 * forbids framing and referrers, because the confirmation token is in the URL.
 *
 * <p>Uses the control plane's services ({@code net.nsglobal.control}: signup, status, store, operator, config,
 * validate) and te-engine's {@code analyze.Observatory} (nothing else of the observatory). Used by the launcher, which starts it over a running control plane
 * ({@link net.nsglobal.dashboard.web.WebApp#serve}), and by the demo (its demo-only mailbox page).
 */
package net.nsglobal.dashboard.web;
