package net.nsglobal.control.store;

/**
 * How a pending request proves that the requester owns the zone.
 *
 * @param method    {@link Method#RNAME}: mail to the RNAME of {@code zone}'s public SOA ({@code zone} = the domain);
 *                  {@link Method#PARENT_RNAME}: mail to the RNAME of the parent zone {@code zone} (removal of a child
 *                  by its parent's owner); {@link Method#TXT}: a TXT record at {@code _nsglobal-challenge.DOMAIN}
 * @param zone      the zone whose public data is the proof
 * @param soaNote   at request time, how the primary's SOA differed from the public one (null = it did not)
 */
public record RequestProof(Method method, String zone, String soaNote) {
    public enum Method {
        RNAME("rname"), PARENT_RNAME("parent-rname"), TXT("txt");

        public final String sql;

        Method(String sql) { this.sql = sql; }

        static Method of(String sql) {
            for (Method m : values()) if (m.sql.equals(sql)) return m;
            throw new IllegalStateException("unknown proof method in the database: " + sql);
        }
    }

    /** The proof of requests stored before proofs were recorded: the RNAME of the domain itself. */
    public static RequestProof rnameOf(String domain) {
        return new RequestProof(Method.RNAME, domain, null);
    }
}
