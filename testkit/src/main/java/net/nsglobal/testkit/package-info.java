/**
 * The test kit every module's tests use (test scope only): free loopback ports ({@link net.nsglobal.testkit.FreePorts}),
 * waiting for a condition with a timeout and a description ({@link net.nsglobal.testkit.Wait}), the real DNS peers
 * started from small config builders and stopped on close ({@link net.nsglobal.testkit.Knot}, {@link
 * net.nsglobal.testkit.Named}, {@link net.nsglobal.testkit.Nsd} over {@link net.nsglobal.testkit.Daemon}), and a
 * cookie-keeping HTTP client for form/CSRF tests ({@link net.nsglobal.testkit.Http}), and a BGP lab of real BIRD 2
 * routers in network namespaces ({@link net.nsglobal.testkit.BirdLab}; root and iproute2).
 *
 * <p>May use: JUnit, dnsjava, the JDK. Imports no NS-Global module, so any module can depend on it.
 */
package net.nsglobal.testkit;
