package net.nsglobal.dns.config;

import net.nsglobal.config.Cidr;

import java.net.InetAddress;
import java.util.List;
import org.xbill.DNS.Name;

/** The {@code transfer-acl:} section: who may transfer zones out (address AND, when set, TSIG key). */
public record TransferAcl(List<Cidr> allow, Name tsigKey) {
    public boolean allows(InetAddress a) {
        for (Cidr c : allow) if (c.contains(a)) return true;
        return false;
    }
}
