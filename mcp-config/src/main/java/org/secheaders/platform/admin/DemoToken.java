package org.secheaders.platform.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.secheaders.domain.db.Database;
import org.secheaders.domain.model.ApiTokens;
import org.secheaders.domain.model.Role;

/**
 * The API token {@code secheaders demo} prints for its servers: created once and reused by every
 * later run on the same data, so a client configured with it keeps working. The database keeps only
 * the token's hash, so the secret is kept beside the data in {@value #FILE} (owner-only).
 */
public final class DemoToken {

    public static final String NAME = "demo";
    /** Full access to violations, metrics, compliance and tenant policies (every demo tool), read-only system settings. */
    public static final Role ROLE = Role.ADMIN;
    public static final String FILE = "demo-token";

    private final TokenService tokens;
    private final Database database;

    public DemoToken(Database database, TokenService tokens) {
        this.database = database;
        this.tokens = tokens;
    }

    /** The secret and whether it was made now; {@code reused} when the saved secret still authenticates. */
    public record Issued(String secret, boolean reused) {
        @Override
        public String toString() {
            return "Issued[reused=" + reused + "]";
        }
    }

    /**
     * The saved secret while it names a usable token; otherwise a new token (a stale {@value #NAME}
     * token is revoked first, e.g. after the secret file was deleted) whose secret is saved.
     */
    public Issued ensure(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        Optional<String> saved = Files.isRegularFile(file)
                ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip()).filter(s -> !s.isEmpty())
                : Optional.empty();
        Instant now = database.clock().instant();
        if (saved.isPresent() && database.apiTokens().findByHash(ApiTokens.hash(saved.get()))
                .filter(token -> token.isUsableAt(now) && token.name().equals(NAME)).isPresent()) {
            return new Issued(saved.get(), true);
        }
        tokens.list().stream()
                .filter(view -> view.token().name().equals(NAME) && view.token().isUsableAt(now))
                .forEach(view -> tokens.revoke(Long.toString(view.token().id())));
        String secret = tokens.create(NAME, ROLE, Optional.empty(), Optional.empty()).secret();
        save(file, secret);
        return new Issued(secret, false);
    }

    private static void save(Path file, String secret) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(FILE + ".tmp");
        Files.deleteIfExists(temporary);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, secret + System.lineSeparator(), StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
