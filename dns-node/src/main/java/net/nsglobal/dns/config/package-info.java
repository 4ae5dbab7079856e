/**
 * The node configuration as one declarative schema: {@link net.nsglobal.dns.config.Schema} lists every setting with
 * its {@link net.nsglobal.config.Kind}, default and meaning (docs/configuration.md documents exactly these keys),
 * {@link net.nsglobal.dns.config.NodeConfig} is the immutable result, parsed from YAML or from the quick-form flags
 * through the same tree. Unknown keys and bad values fail naming the key; nothing resolves host names.
 *
 * It also holds the node's single value types that every layer shares: {@link net.nsglobal.dns.config.Identity} (who
 * the server says it is), {@link net.nsglobal.dns.config.TsigKey} and the one algorithm table
 * {@link net.nsglobal.dns.config.TsigAlgorithm}.
 *
 * <p>Uses the {@code net.nsglobal.config} kit and no other dns-node package ({@code LayeringTest} checks). Used by the
 * node and every package that is configured ({@code transport}, {@code query}, {@code secondary}, {@code xfrout},
 * {@code tsig}, {@code rrl}) and by the dashboard, which starts
 * in-process nodes from YAML it writes.
 */
package net.nsglobal.dns.config;
