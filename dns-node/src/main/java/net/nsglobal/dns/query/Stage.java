package net.nsglobal.dns.query;

/** One step of the query pipeline (see {@link Pipeline} for the ordered list). */
@FunctionalInterface
public interface Stage {
    Verdict process(QueryContext ctx);
}
