package net.nsglobal.te.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Iterator;
import net.nsglobal.te.apply.LocalSiteHost;
import net.nsglobal.te.apply.SiteHost;
import net.nsglobal.te.apply.SshHost;
import net.nsglobal.te.apply.SshSiteHost;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Opens a site's {@link SiteHost} as its {@code te.routers} item says: the local socket and file, or an SSH
 * connection with the engine's key to a host whose key must be the pinned one.
 */
final class SiteHosts {
    static final Duration SSH_TIMEOUT = Duration.ofSeconds(30);

    private SiteHosts() {}

    static SiteHost open(RouterConfig r) throws IOException {
        if (r.ssh().isEmpty()) return new LocalSiteHost(Path.of(r.socket()), Path.of(r.configFile()));
        RouterConfig.Ssh s = r.ssh().get();
        SshHost host = SshHost.connect(s.host(), s.port(), s.user(), identity(r.site(), s.keyFile()), s.hostKey(), SSH_TIMEOUT);
        return new SshSiteHost(host, r.socket(), r.configFile());
    }

    /** The first key pair in {@code file} (OpenSSH or PEM, not encrypted); an IOException naming the site and file. */
    static KeyPair identity(String site, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in,
                    FilePasswordProvider.EMPTY);
            Iterator<KeyPair> it = keys == null ? null : keys.iterator();
            if (it == null || !it.hasNext()) throw new IOException("no key pair in it");
            return it.next();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IOException("te-engine engine: site " + site + ": ssh-key-file " + file + ": " + e.getMessage(), e);
        }
    }
}
