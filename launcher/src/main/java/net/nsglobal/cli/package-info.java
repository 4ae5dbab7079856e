/**
 * The {@code ./nsglobal} launcher and the composition of the platform: {@code node} (dns-node's command),
 * {@code atlas}, {@code control-plane} (control plane + the dashboard's web app over it) and {@code demo} (everything
 * on loopback, composed in {@code demo.Demo}) and {@code ops} (operators and API tokens, package {@code ops}). This is the only module that knows every other one.
 *
 * <p>Uses dns-node, atlas, te-engine, control-plane and dashboard. Nothing uses it: it is the program's entry point.
 */
package net.nsglobal.cli;
