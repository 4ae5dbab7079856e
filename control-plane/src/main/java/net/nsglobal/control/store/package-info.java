/**
 * The control plane's PostgreSQL (configured, or embedded with its data under {@code dataDir/pg}), migrated by Flyway
 * on every start, and all of its SQL (Jdbi): served zones, pending requests and their ownership proofs, the counts
 * behind the sign-up caps, status observations and delegation checks, and operators with their sessions and API
 * tokens ({@code OperatorStore}; session ids and tokens stored only as their SHA-256). Customers' TSIG secrets are
 * sealed at rest with AES-256-GCM, the zone name as associated data.
 *
 * <p>Uses {@code validate}. Used by {@code signup}, {@code status}, {@code catalog}, {@code operator}, the dashboard
 * and the control plane.
 */
package net.nsglobal.control.store;
