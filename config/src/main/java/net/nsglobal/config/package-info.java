/**
 * The declarative configuration kit shared by every module: a {@link net.nsglobal.config.Kind} turns a YAML value
 * into a typed value (and says what is valid), a {@link net.nsglobal.config.Setting} is one key with its kind,
 * default and doc line, a {@link net.nsglobal.config.Section} reads one YAML mapping against settings and rejects
 * unknown keys, and every error is a {@link net.nsglobal.config.ConfigException} naming the dotted key.
 * {@link net.nsglobal.config.ProcessFile} reads a process's YAML file of sections ({@code control-plane:},
 * {@code te:}, {@code atlas:}, {@code sites:}), each by its module's schema, errors as {@code FILE:LINE: key: reason};
 * {@link net.nsglobal.config.SiteSelection} is the {@code sites:} section; {@link net.nsglobal.config.ConfigDoc}
 * checks docs/configuration.md against the schemas and writes a schema's table.
 *
 * <p>Each module declares its own schema (dns-node's {@code dns.config.Schema}, the control plane's
 * {@code control.config.Schema}, the TE engine's {@code te.config.Schema}, atlas' {@code atlas.api.AtlasSchema}) from these parts; the reference doc {@code docs/configuration.md} is checked against those schemas.
 * May use: Jackson, dnsjava (names). Used by: every module. Imports no other NS-Global module.
 */
package net.nsglobal.config;
