package net.nsglobal.dns.config;

import java.nio.file.Path;
import org.xbill.DNS.Name;

/** One {@code zones:} entry: a zone served from a master file (absolute path after parsing). */
public record PrimaryZone(Name name, Path file) {}
