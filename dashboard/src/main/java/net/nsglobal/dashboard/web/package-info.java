/**
 * The public web pages (server-rendered JTE templates, no JavaScript) and the JSON API, on one Javalin server: sign-up,
 * change and removal forms, the confirmation page behind the mailed link, zone status, {@code /api/v1/...} for
 * automation and loopback-only operators' endpoints. Every page POST carries a double-submit CSRF token; every
 * response forbids framing and referrers, because the confirmation token is in the URL.
 *
 * <p>Uses the control plane's services ({@code net.nsglobal.control}: signup, status, store, config, validate). Used
 * by the launcher, which starts it over a running control plane ({@link net.nsglobal.dashboard.web.WebApp#serve}),
 * and by the demo (its demo-only mailbox page).
 */
package net.nsglobal.dashboard.web;
