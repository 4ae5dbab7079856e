/**
 * The fleet inventory: {@link net.nsglobal.platform.sites.Sites} is the one reader of {@code sites/*.yaml}. The schema
 * is declared in {@link net.nsglobal.platform.sites.SiteSchema} with the config kit; every problem is reported as
 * {@code sites/<file>:<line>: <key>: <reason>} ({@code LocatedYaml} keeps each key's line); the result is immutable
 * {@link net.nsglobal.platform.sites.Site} records.
 * May use: the config kit, Jackson YAML. Used by: te-engine (BIRD configs, measurement targets), the control plane's
 * status page, the launcher's demo (one edge per site).
 */
package net.nsglobal.platform.sites;
