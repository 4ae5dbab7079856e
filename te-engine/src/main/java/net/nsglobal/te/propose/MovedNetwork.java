package net.nsglobal.te.propose;

/** Probes of one network (origin AS, country) that a change moves from one site to another, as predicted. */
public record MovedNetwork(long asn, String country, int probes, String fromSite, String toSite) {}
