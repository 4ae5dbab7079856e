/**
 * Secrets the platform makes for itself and keeps across restarts, each in a file only its owner may read: the
 * embedded database's password, the key sealing customers' TSIG secrets, the demo operator's password.
 *
 * <p>May use: the JDK, SLF4J. Used by {@code platform.db}, the control plane's store and the launcher's demo.
 */
package net.nsglobal.platform.secrets;
