package org.crosswalk.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the data lives: the Turtle files under {@code ontology/} (vocabulary, shapes, catalogues,
 * evidence) and the SSSOM files under {@code mappings/}. The data version is a digest of all of them,
 * so an unchanged checkout always gets the same version and the store is not rebuilt.
 */
public record DataSources(Path ontologyDir, Path mappingsDir) {

    /** Bump when loading or derivation changes what the same files produce. */
    static final String LOADER_REVISION = "6";
    public static final String SHAPES_FILE = "shapes.ttl";

    public DataSources {
        ontologyDir = ontologyDir.toAbsolutePath().normalize();
        mappingsDir = mappingsDir.toAbsolutePath().normalize();
    }

    public Path shapesFile() {
        return ontologyDir.resolve(SHAPES_FILE);
    }

    /** Data Turtle files, every *.ttl under ontology/ except the shapes, in a stable order. */
    public List<Path> turtleFiles() {
        return list(ontologyDir, ".ttl").stream().filter(p -> !p.equals(shapesFile())).toList();
    }

    public List<Path> mappingFiles() {
        return list(mappingsDir, ".sssom.tsv");
    }

    /** A path as people see it in messages: relative to the data root (the parent of ontology/). */
    public String displayName(Path file) {
        Path root = ontologyDir.getParent();
        Path abs = file.toAbsolutePath().normalize();
        return root != null && abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LOADER_REVISION.getBytes());
            for (Path p : Stream.concat(Stream.of(shapesFile()),
                    Stream.concat(turtleFiles().stream(), mappingFiles().stream())).toList()) {
                sha.update(displayName(p).getBytes());
                sha.update((byte) 0);
                if (Files.exists(p)) sha.update(Files.readAllBytes(p));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
