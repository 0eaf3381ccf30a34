package org.crosswalk.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.crosswalk.store.EmbeddedStore;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the real data into a TDB2 store on disk: idempotent restarts, and broken copies of the data
 * refused with file and line, leaving the store as it was.
 */
class GraphLoadingTest {

    @TempDir Path tmp;

    /** A private copy of the project's data that a test may break. */
    private DataSources copyOfRealData() throws IOException {
        copyTree(TestStores.ontologyDir(), tmp.resolve("ontology"));
        copyTree(TestStores.mappingsDir(), tmp.resolve("mappings"));
        return new DataSources(tmp.resolve("ontology"), tmp.resolve("mappings"));
    }

    @Test
    void restartOnUnchangedDataReusesTheStoreWithoutDuplicates() throws IOException {
        DataSources sources = copyOfRealData();
        Path root = tmp.resolve("store");
        long first;
        try (EmbeddedStore store = EmbeddedStore.open(root, sources.version(), () -> GraphBuilder.build(sources))) {
            assertThat(store.reused()).isFalse();
            first = store.tripleCount();
        }
        try (EmbeddedStore store = EmbeddedStore.open(root, sources.version(), () -> {
            throw new AssertionError("unchanged data must not be rebuilt");
        })) {
            assertThat(store.reused()).isTrue();
            assertThat(store.tripleCount()).isEqualTo(first);
        }
        assertThat(GraphBuilder.build(sources).model().size()).isEqualTo(first);
    }

    @Test
    void brokenTurtleIsRefusedWithFileAndLine() throws IOException {
        DataSources sources = copyOfRealData();
        Path file = sources.turtleFiles().stream().filter(p -> p.toString().contains("frameworks")).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(file);
        int insertAt = lines.size() / 2;
        // Between two statements (a blank line, then a subject: official texts have blank lines inside
        // their literals too), so the error is on the inserted line itself.
        while (!lines.get(insertAt - 1).isBlank() || !lines.get(insertAt).matches("^[a-z0-9]+:\\S+ a .*")) insertAt++;
        lines.add(insertAt, "this is ( not turtle .");
        Files.write(file, lines);
        assertThat(catchMessage(sources)).contains(sources.displayName(file) + ":" + (insertAt + 1) + ":");
    }

    @Test
    void shapeViolationIsRefusedWithFileAndLineOfTheNode() throws IOException {
        DataSources sources = copyOfRealData();
        Path file = sources.turtleFiles().stream().filter(p -> p.toString().contains("frameworks")).findFirst().orElseThrow();
        String text = Files.readString(file);
        // Drop the first prefLabel of a requirement: SHACL requires exactly one.
        int at = text.indexOf("skos:prefLabel");
        int end = text.indexOf(";", at);
        Files.writeString(file, text.substring(0, at) + text.substring(end + 1));
        String message = catchMessage(sources);
        assertThat(message).contains(sources.displayName(file) + ":").contains("prefLabel");
    }

    @Test
    void anAmendingActIsDataAndItsVersionsMayNotOverlap() throws IOException {
        DataSources sources = copyOfRealData();
        // A second act replacing Article 26(1) from 1 January 2030: a data file, no code. It loads, and the
        // provision gets one more version after the 2026 one.
        Path next = tmp.resolve("ontology/amendments/2030-1.ttl");
        String act = """
                @prefix cw: <https://w3id.org/crosswalk/ontology#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                <https://w3id.org/crosswalk/eu-ai-act/2024/%s/version/%s> a cw:ProvisionVersion ;
                    cw:versionOf <https://w3id.org/crosswalk/eu-ai-act/2024/%s> ;
                    cw:validFrom "%s"^^xsd:date ; cw:changeKind cw:Replaced ;
                    cw:madeBy <http://data.europa.eu/eli/reg/2026/1744/oj> ;
                    cw:textStatus cw:Pending ; cw:effect "A test change."@en ; dcterms:source <https://example.org/test> .
                """;
        Files.writeString(next, act.formatted("art_26__para_1", "2030-01-01", "art_26__para_1", "2030-01-01"));
        var built = GraphBuilder.build(sources);
        var versions = built.model().listSubjectsWithProperty(built.model().createProperty(Vocab.CW + "versionOf"),
                built.model().createResource("https://w3id.org/crosswalk/eu-ai-act/2024/art_26__para_1")).toList();
        assertThat(versions).hasSize(3); // enacted 2024, rescheduled 2026, replaced 2030
        // Every EU AI Act provision has at least one version; some (rescheduled, replaced) more.
        long provisions = built.model().listSubjectsWithProperty(org.apache.jena.vocabulary.SKOS.inScheme,
                built.model().createResource("https://w3id.org/crosswalk/eu-ai-act/2024")).toList().size();
        assertThat(built.lawVersions().versions()).isGreaterThan((int) provisions);
        assertThat(built.lawVersions().stated()).isEqualTo(19 + 1);
        // Two stated versions of one provision starting on the same day (Article 4 is replaced by
        // Regulation (EU) 2026/1744 on 27 July 2026): refused, naming the provision and the day.
        Files.writeString(next, act.formatted("art_4", "2026-07-27-bis", "art_4", "2026-07-27"));
        assertThat(catchMessage(sources)).contains("art_4").contains("2026-07-27");
    }

    @Test
    void badMappingRowIsRefusedWithFileAndRow() throws IOException {
        DataSources sources = copyOfRealData();
        Path file = sources.mappingFiles().getFirst();
        List<String> lines = Files.readAllLines(file);
        int row = lines.size() - 1; // last row
        String[] cols = lines.get(row).split("\t", -1);
        cols[3] = cols[3].replaceAll(":[^:]+$", ":does-not-exist"); // object_id
        lines.set(row, String.join("\t", cols));
        Files.write(file, lines);
        assertThat(catchMessage(sources))
                .contains(sources.displayName(file) + ":" + (row + 1) + ":")
                .contains("does-not-exist");
    }

    @Test
    void invalidDataLeavesTheExistingStoreUntouched() throws IOException {
        DataSources sources = copyOfRealData();
        Path root = tmp.resolve("store");
        long before;
        try (EmbeddedStore store = EmbeddedStore.open(root, sources.version(), () -> GraphBuilder.build(sources))) {
            before = store.tripleCount();
        }
        Path mappingFile = sources.mappingFiles().getFirst();
        Files.writeString(mappingFile, Files.readString(mappingFile) + "not\ta\tvalid\trow\n");
        assertThatThrownBy(() -> EmbeddedStore.open(root, sources.version(), () -> GraphBuilder.build(sources)))
                .isInstanceOf(DataValidationException.class);
        try (Stream<Path> dirs = Files.list(root)) {
            Path only = dirs.findFirst().orElseThrow();
            String version = Files.readString(only.resolve("COMPLETE"));
            try (EmbeddedStore store = EmbeddedStore.open(root, version, () -> {
                throw new AssertionError("must reopen, not rebuild");
            })) {
                assertThat(store.tripleCount()).isEqualTo(before);
            }
        }
    }

    private static String catchMessage(DataSources sources) {
        try {
            GraphBuilder.build(sources);
        } catch (DataValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected the data to be refused");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
