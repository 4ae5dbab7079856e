/**
 * The control plane's tables in the platform's shared PostgreSQL ({@code net.nsglobal.platform.db.Database}): migration
 * set {@code control-plane}, brought up to date on every start by {@link net.nsglobal.control.store.Schema} (which
 * adopts the history of a database the control plane used to own alone), and all of its SQL (Jdbi) except the stored
 * status results ({@code status}, table {@code zone_status}). The services see interfaces — {@code Repository} (served
 * zones, pending requests, confirmations, observations), {@code ProofStore} (ownership proofs, delegation checks),
 * {@code Quotas} (the counts behind the sign-up caps), {@code OperatorStore} (operators, sessions and API tokens, ids
 * and tokens stored only as their SHA-256) — and the {@code Sql…} classes hold the SQL. Customers' TSIG secrets are
 * sealed at rest with AES-256-GCM, the zone name as associated data.
 *
 * <p>Uses {@code validate} and the platform's database. Used by {@code signup}, {@code status}, {@code catalog},
 * {@code operator}, the dashboard and the control plane.
 */
package net.nsglobal.control.store;
