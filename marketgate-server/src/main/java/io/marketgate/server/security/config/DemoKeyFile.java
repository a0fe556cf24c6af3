package io.marketgate.server.security.config;

import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.Scope;
import io.marketgate.server.security.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-configuration demo's API key: an {@code admin} key in a file readable by its owner only. A
 * valid key already in the file is kept, so the demo's key survives restarts; otherwise a new one is
 * issued and the file replaced atomically. The log names the file, never the key.
 */
final class DemoKeyFile {

    static final String FILE_NAME = "demo-api-key";
    private static final Logger LOG = LoggerFactory.getLogger(DemoKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final ApiKeys apiKeys;
    private final Path file;

    DemoKeyFile(ApiKeys apiKeys, Path file) {
        this.apiKeys = apiKeys;
        this.file = file;
    }

    void ensure() {
        try {
            Optional<String> existing = validAdminKey();
            if (existing.isPresent()) {
                restrictToOwner(file);
                LOG.info(
                        "Demo API key (scope admin) is in {}: curl -H \"Authorization: Bearer $(cat {})\" ...",
                        file,
                        file);
                return;
            }
            String key = apiKeys.issue("demo", Set.of(Scope.ADMIN)).key();
            write(key);
            LOG.info(
                    "Demo API key (scope admin) written to {}: curl -H \"Authorization: Bearer $(cat {})\" ...",
                    file,
                    file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo API key file " + file, e);
        }
    }

    private Optional<String> validAdminKey() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (apiKeys.verify(key) instanceof Verification.Valid valid
                && valid.key().allows(Scope.ADMIN)) {
            return Optional.of(key);
        }
        return Optional.empty();
    }

    /** Written to a temporary owner-only file first, then moved in place: never a half-written or readable key. */
    private void write(String key) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = posix()
                ? Files.createTempFile(folder, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, FILE_NAME, ".tmp");
        try {
            Files.writeString(temporary, key + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
