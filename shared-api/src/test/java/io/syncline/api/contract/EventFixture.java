package io.syncline.api.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * The stored form of one revision of an event, kept under {@code src/test/resources}:
 * {@code events/<package below io.syncline.api>/<Event>.json} without a revision,
 * {@code events/<package>/<Event>.rev-<revision>.json} with one (see {@code events/README.md}).
 *
 * @param packagePath the event's package below {@code io.syncline.api}, as a path, e.g. {@code orders}
 * @param event       the event's simple name, e.g. {@code OrderRejected}
 * @param revision    the revision, null for none
 */
public record EventFixture(String packagePath, String event, String revision) {

    static final String DIRECTORY = "events";

    private static final Pattern FILE =
            Pattern.compile("(?<event>[A-Za-z0-9_]+)(?:\\.rev-(?<revision>[A-Za-z0-9._-]+))?\\.json");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._-]+");

    /** The fixture of {@code eventType} at {@code revision}. */
    public static EventFixture of(Class<?> eventType, String revision) {
        if (revision != null && !REVISION.matcher(revision).matches()) {
            throw new IllegalStateException("Revision \"" + revision + "\" of " + eventType.getName()
                    + " cannot name a fixture: use letters, digits, '.', '-' or '_'");
        }
        String below = eventType.getPackageName().substring(EventCatalog.ROOT_PACKAGE.length() + 1);
        return new EventFixture(below.replace('.', '/'), eventType.getSimpleName(), revision);
    }

    /** Every fixture under {@code events/}, or nothing if there is none yet. */
    public static List<EventFixture> all() {
        URL directory = EventFixture.class.getClassLoader().getResource(DIRECTORY);
        if (directory == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(Path.of(directory.toURI()))) {
            Path root = Path.of(directory.toURI());
            List<EventFixture> fixtures = new ArrayList<>();
            files.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .filter(file -> file.toString().endsWith(".json"))
                    .forEach(file -> fixtures.add(parse(file)));
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventFixture parse(Path file) {
        Matcher name = FILE.matcher(file.getFileName().toString());
        if (file.getParent() == null || !name.matches()) {
            throw new IllegalStateException(DIRECTORY + "/" + file + " does not follow the fixture scheme " + DIRECTORY
                    + "/<package>/<Event>[.rev-<revision>].json");
        }
        String packagePath =
                file.getParent().toString().replace(file.getFileSystem().getSeparator(), "/");
        return new EventFixture(packagePath, name.group("event"), name.group("revision"));
    }

    /** The path below the test resources, e.g. {@code events/orders/OrderRejected.rev-2.json}. */
    public String path() {
        return DIRECTORY + "/" + packagePath + "/" + event + (revision == null ? "" : ".rev-" + revision) + ".json";
    }

    /** Whether this is a fixture of {@code eventType}, at any revision. */
    public boolean isOf(Class<?> eventType) {
        EventFixture current = of(eventType, revision);
        return current.packagePath.equals(packagePath) && current.event.equals(event);
    }

    /** The type and revision the event is stored under, given its class. */
    public SerializedType serializedType(Class<?> eventType) {
        return new SimpleSerializedType(eventType.getName(), revision);
    }

    /** The stored payload, if the fixture exists. */
    public Optional<byte[]> read() {
        try (InputStream in = EventFixture.class.getClassLoader().getResourceAsStream(path())) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the fixture goes in the module's sources. */
    public Path sourceFile() {
        return Path.of(Objects.requireNonNullElse(System.getProperty("basedir"), "."), "src/test/resources", path());
    }

    @Override
    public String toString() {
        return path();
    }
}
