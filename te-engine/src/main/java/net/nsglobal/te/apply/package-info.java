/**
 * Apply: render each site's BIRD 2 configuration ({@link net.nsglobal.te.apply.BirdConfig}: Freemarker,
 * {@code sites/templates/bird.conf.ftl}, from {@code platform.sites} records and the TE
 * {@link net.nsglobal.te.apply.Knobs}: per session announce or withdraw, prepend, communities); reconfiguring BIRD
 * and re-measuring come next.
 * May use: platform.sites, Freemarker. Used by: te-engine's proposal approval, the launcher. Never the web stack.
 */
package net.nsglobal.te.apply;
