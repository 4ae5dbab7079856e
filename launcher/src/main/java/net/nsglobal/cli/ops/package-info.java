/**
 * {@code nsglobal ops}: operators' administration from the command line (add and disable operators, create and
 * revoke API tokens), on the control plane's database. Passwords are read from the console or stdin, never from the
 * command line; tokens are printed once.
 *
 * <p>Uses the control plane's {@code operator} service and {@code store} (its database). Used by {@code Main}.
 */
package net.nsglobal.cli.ops;
