/**
 * Apply: render each site's BIRD 2 configuration ({@link net.nsglobal.te.apply.BirdConfig}: Freemarker,
 * {@code sites/templates/bird.conf.ftl}, from {@code platform.sites} records and the TE
 * {@link net.nsglobal.te.apply.Knobs}: per session announce or withdraw, prepend, communities) and put it on the
 * site's running BIRD safely ({@link net.nsglobal.te.apply.Applier}: local {@code bird -p}, diff,
 * {@code configure check}, {@code configure "FILE" timeout N}, health check, {@code configure confirm} or undo — a
 * configuration nobody confirms reverts by itself). BIRD is reached through {@link net.nsglobal.te.apply.Birdc}: its
 * control-socket protocol spoken directly on a local UNIX socket, or birdc over SSH with a pinned host key
 * ({@link net.nsglobal.te.apply.SshHost}). BIRD's answers are {@link net.nsglobal.te.apply.BirdReply} values and the
 * applier's result an {@link net.nsglobal.te.apply.ApplyOutcome}; exceptions mean a transport failed.
 * May use: platform.sites, Freemarker, Apache MINA SSHD (client). Used by: te-engine's proposal approval, the
 * launcher. Never the web stack.
 */
package net.nsglobal.te.apply;
