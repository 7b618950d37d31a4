package io.syncline.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;

/** Secrets generated once and kept in the data directory, readable by the owner only. */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /** A secret and whether this call created it. */
    public record Secret(String value, boolean created, Path path) {}

    /** Reads the secret kept in {@code file}, or creates the file with a generated one. */
    public static Secret readOrCreate(Path file, Supplier<String> generator) {
        Path path = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(path)) {
                return new Secret(read(path), false, path);
            }
            Files.createDirectories(path.getParent());
            String value = generator.get();
            try {
                Files.createFile(path, ownerOnly(path));
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
                return new Secret(read(path), false, path);
            }
            Files.writeString(path, value + System.lineSeparator(), StandardCharsets.UTF_8);
            return new Secret(value, true, path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a secret in " + path, e);
        }
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String read(Path path) throws IOException {
        String value = Files.readString(path, StandardCharsets.UTF_8).strip();
        if (value.isEmpty()) {
            throw new IOException(path + " is empty; delete it to have a new secret generated");
        }
        return value;
    }

    private static FileAttribute<?>[] ownerOnly(Path path) throws IOException {
        if (Files.getFileStore(path.getParent()).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(rw)};
        }
        return new FileAttribute<?>[0];
    }
}
