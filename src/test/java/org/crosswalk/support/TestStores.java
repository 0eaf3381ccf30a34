package org.crosswalk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Fresh on-disk store roots under target/, one per test context, so tests never share a TDB2 directory. */
public final class TestStores {
    private TestStores() {}

    public static Path newStoreRoot(String name) {
        try {
            Path base = Paths.get("target", "test-stores");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's real data directories (tests run with the project root as working directory). */
    public static Path ontologyDir() {
        return Paths.get(System.getProperty("crosswalk.ontology-dir", "ontology")).toAbsolutePath();
    }

    public static Path mappingsDir() {
        return Paths.get(System.getProperty("crosswalk.mappings-dir", "mappings")).toAbsolutePath();
    }
}
