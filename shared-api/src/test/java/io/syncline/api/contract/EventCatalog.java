package io.syncline.api.contract;

import io.syncline.api.orders.OrderEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every event of shared-api, found in its compiled classes: the records nested in a class whose name ends
 * in {@code Events} anywhere under {@code io.syncline.api}. An event added there is found without being
 * listed anywhere, so it cannot escape the contract tests.
 */
public final class EventCatalog {

    static final String ROOT_PACKAGE = "io.syncline.api";

    private EventCatalog() {}

    /** The events, ordered by class name. */
    public static List<Class<?>> events() {
        List<Class<?>> events = new ArrayList<>();
        for (Class<?> holder : eventHolders()) {
            for (Class<?> nested : holder.getDeclaredClasses()) {
                if (nested.isRecord()) {
                    events.add(nested);
                } else if (!nested.isEnum() && !nested.isInterface()) {
                    // a class here would be an event the scan cannot vouch for
                    throw new IllegalStateException(nested.getName() + " is neither a record nor an enum: events in "
                            + holder.getSimpleName() + " are records, their values records or enums");
                }
            }
        }
        events.sort(Comparator.comparing(Class::getName));
        return events;
    }

    /** The classes named {@code *Events} among shared-api's main classes (not its tests). */
    static List<Class<?>> eventHolders() {
        return classNames().stream()
                .filter(name -> !name.contains("$") && name.endsWith("Events"))
                .sorted()
                .<Class<?>>map(EventCatalog::load)
                .toList();
    }

    private static List<String> classNames() {
        Path location = mainClassesLocation();
        try {
            if (Files.isDirectory(location)) {
                return classNamesUnder(location);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return classNamesUnder(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> classNamesUnder(Path root) throws IOException {
        Path packageDir = root.resolve(ROOT_PACKAGE.replace('.', '/'));
        if (!Files.isDirectory(packageDir)) {
            throw new IllegalStateException("No package " + ROOT_PACKAGE + " in " + root);
        }
        try (Stream<Path> files = Files.walk(packageDir)) {
            return files.map(root::relativize)
                    .map(Path::toString)
                    .filter(file -> file.endsWith(".class"))
                    .map(file -> file.substring(0, file.length() - ".class".length())
                            .replace(root.getFileSystem().getSeparator(), "."))
                    .toList();
        }
    }

    private static Path mainClassesLocation() {
        try {
            return Path.of(OrderEvents.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EventCatalog.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
