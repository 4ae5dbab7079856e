/**
 * The control plane's tables in the platform's shared PostgreSQL ({@code net.nsglobal.platform.db.Database}): migration
 * set {@code control-plane}, brought up to date on every start by {@link net.nsglobal.control.store.Schema} (which
 * adopts the history of a database the control plane used to own alone), and all of its SQL (Jdbi) except the stored
 * status results ({@code status}, table {@code zone_status}): served zones, pending requests and their ownership proofs, the counts
 * behind the sign-up caps, status observations and delegation checks, and operators with their sessions and API
 * tokens ({@code OperatorStore}; session ids and tokens stored only as their SHA-256). Customers' TSIG secrets are sealed at rest with
 * AES-256-GCM, the zone name as associated data.
 *
 * <p>Uses {@code validate}. Used by {@code signup}, {@code status}, {@code catalog}, {@code operator}, the dashboard
 * and the control plane.
 */
package net.nsglobal.control.store;
