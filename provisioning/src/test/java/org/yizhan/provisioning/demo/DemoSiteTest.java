package org.yizhan.provisioning.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.TrustedPassKeys;

class DemoSiteTest {

    @TempDir
    Path dir;

    @Test
    void creates_a_key_and_its_trust_file_in_a_directory_that_does_not_exist_yet() {
        // given
        Path dataDir = dir.resolve("not/yet/there");

        // when
        DemoSite site = DemoSite.ensure(dataDir);

        // then
        assertEquals("demo", site.siteId());
        assertEquals(dataDir.resolve("keys/pass-signing.jwk"), site.signingKeyFile());
        assertEquals(dataDir.resolve("keys/trusted-pass-keys.jwks"), site.trustedKeysFile());
        assertEquals(dataDir.resolve("revoked-passes.txt"), site.revocationFile());
        PassSigningKey key = PassSigningKey.read(site.signingKeyFile());
        assertEquals(Set.of(key.keyId()), TrustedPassKeys.read(site.trustedKeysFile()).keyIds());
        assertFalse(Files.exists(site.revocationFile()));
    }

    @Test
    void keeps_the_key_and_its_directory_private() throws Exception {
        // given
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");

        // when
        DemoSite site = DemoSite.ensure(dir.resolve("data"));

        // then
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(site.signingKeyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(site.signingKeyFile().getParent())));
    }

    @Test
    void reuses_its_key_on_later_calls() throws Exception {
        // given
        DemoSite first = DemoSite.ensure(dir);
        byte[] key = Files.readAllBytes(first.signingKeyFile());
        byte[] trusted = Files.readAllBytes(first.trustedKeysFile());

        // when
        DemoSite second = DemoSite.ensure(dir);

        // then
        assertEquals(first, second);
        assertArrayEquals(key, Files.readAllBytes(second.signingKeyFile()));
        assertArrayEquals(trusted, Files.readAllBytes(second.trustedKeysFile()));
    }

    @Test
    void restores_a_deleted_trust_file_from_the_existing_key() throws Exception {
        // given
        DemoSite site = DemoSite.ensure(dir);
        String kid = PassSigningKey.read(site.signingKeyFile()).keyId();
        Files.delete(site.trustedKeysFile());

        // when
        DemoSite.ensure(dir);

        // then
        assertEquals(Set.of(kid), TrustedPassKeys.read(site.trustedKeysFile()).keyIds());
    }
}
