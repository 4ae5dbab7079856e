package net.nsglobal.te.world;

/**
 * The class of the route an AS holds, by the neighbour it learned it from (Gao–Rexford): routes from customers are
 * preferred to routes from peers, which are preferred to routes from providers. Declaration order is preference.
 */
public enum Relation {
    /** Learned from a customer (or, for our transit providers, from us, their customer). Exported to everyone. */
    CUSTOMER,
    /** Learned from a peer (or from us over a peering or a route server). Exported to customers only. */
    PEER,
    /** Learned from a provider. Exported to customers only. */
    PROVIDER
}
