/**
 * The declarative configuration kit shared by every module: a {@link net.nsglobal.config.Kind} turns a YAML value
 * into a typed value (and says what is valid), a {@link net.nsglobal.config.Setting} is one key with its kind,
 * default and doc line, a {@link net.nsglobal.config.Section} reads one YAML mapping against settings and rejects
 * unknown keys, and every error is a {@link net.nsglobal.config.ConfigException} naming the dotted key.
 * {@link net.nsglobal.config.DomainName} is the one way any module turns typed text into an absolute DNS name, and
 * {@link net.nsglobal.config.Cidr} the one address prefix type.
 *
 * <p>Each module declares its own schema (dns-node's {@code dns.config.Schema}, the control plane's, the TE
 * engine's) from these parts; the reference doc {@code docs/configuration.md} is checked against those schemas.
 * May use: Jackson, dnsjava (names). Used by: every module. Imports no other NS-Global module.
 */
package net.nsglobal.config;
