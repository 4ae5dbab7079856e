package net.nsglobal.control.store;

/** An operator as stored; {@code disabled} operators can neither log in nor use their sessions or tokens. */
public record Operator(long id, String name, boolean disabled) {}
