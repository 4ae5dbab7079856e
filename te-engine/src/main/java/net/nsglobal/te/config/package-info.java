/**
 * The TE engine's configuration: the {@code te:} section of its process file, declared in
 * {@link net.nsglobal.te.config.Schema} and read once into the immutable {@link net.nsglobal.te.config.TeConfig}.
 * The same file's {@code atlas:} section is the atlas module's ({@code AtlasSchema}), its {@code sites:} section the
 * site selection ({@code net.nsglobal.config.SiteSelection}).
 */
package net.nsglobal.te.config;
