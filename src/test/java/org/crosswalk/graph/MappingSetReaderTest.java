package org.crosswalk.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-edited mapping files broken the ways people break them: every defect comes back as
 * "file:line: problem" at the row's own line, all of them in one run, never as an exception.
 */
class MappingSetReaderTest {

    private static final String NAME = "mappings/x.sssom.tsv";

    @TempDir Path tmp;

    /** A real mapping file's lines, and the index of its first data row. */
    private record Copy(List<String> lines, int firstRow) {}

    private Copy realFile() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestStores.mappingsDir().resolve("iso42001-iso27001.sssom.tsv")));
        int header = 0;
        while (lines.get(header).startsWith("#")) header++;
        return new Copy(lines, header + 1);
    }

    private List<String> problemsOf(List<String> lines) throws IOException {
        Path file = tmp.resolve("x.sssom.tsv");
        Files.write(file, lines);
        List<String> problems = new ArrayList<>();
        MappingSetReader.read(file, NAME, problems);
        return problems;
    }

    private static String withoutColumn(String row, int column) {
        List<String> cols = new ArrayList<>(Arrays.asList(row.split("\t", -1)));
        cols.remove(column);
        return String.join("\t", cols);
    }

    @Test
    void theRealFileReadsCleanly() throws IOException {
        Copy c = realFile();
        List<String> problems = new ArrayList<>();
        Path file = tmp.resolve("ok.sssom.tsv");
        Files.write(file, c.lines());
        MappingSetReader.Result r = MappingSetReader.read(file, NAME, problems);
        assertThat(problems).isEmpty();
        assertThat(r.mappings()).hasSize(c.lines().size() - c.firstRow());
        assertThat(r.mappings().getFirst().location()).isEqualTo(NAME + ":" + (c.firstRow() + 1));
    }

    @Test
    void aRowWithOneColumnRemovedIsNamedAtItsLine() throws IOException {
        Copy c = realFile();
        int row = c.firstRow() + 10; // a no-relationship row in the real file: later values shift into mapping_date
        c.lines().set(row, withoutColumn(c.lines().get(row), 2)); // predicate_modifier removed
        List<String> problems = problemsOf(c.lines());
        assertThat(problems).singleElement().asString()
                .startsWith(NAME + ":" + (row + 1) + ": 11 columns where the header has 12");
    }

    @Test
    void aRowTruncatedToThreeColumnsIsNamedAtItsLineNotAtLineOne() throws IOException {
        Copy c = realFile();
        int row = c.firstRow() + 5;
        c.lines().set(row, String.join("\t", Arrays.copyOf(c.lines().get(row).split("\t"), 3)));
        List<String> problems = problemsOf(c.lines());
        assertThat(problems).singleElement().asString().startsWith(NAME + ":" + (row + 1) + ": 3 columns");
    }

    @Test
    void aValueSssomRefusesIsNamedAtItsLine() throws IOException {
        Copy c = realFile();
        int row = c.firstRow() + 3;
        String[] cols = c.lines().get(row).split("\t", -1);
        cols[6] = "no-relationship"; // mapping_date: what a shifted row put there before
        c.lines().set(row, String.join("\t", cols));
        List<String> problems = problemsOf(c.lines());
        assertThat(problems).singleElement().asString()
                .startsWith(NAME + ":" + (row + 1) + ":").contains("no-relationship").doesNotContain("Exception");
    }

    @Test
    void everyBadRowOfAFileIsListedInOneRun() throws IOException {
        Copy c = realFile();
        int shifted = c.firstRow() + 2, truncated = c.firstRow() + 7, badDate = c.firstRow() + 12,
                badRelation = c.firstRow() + 20, unknownPrefix = c.firstRow() + 25;
        c.lines().set(shifted, withoutColumn(c.lines().get(shifted), 5));
        c.lines().set(truncated, String.join("\t", Arrays.copyOf(c.lines().get(truncated).split("\t"), 3)));
        String[] d = c.lines().get(badDate).split("\t", -1);
        d[6] = "2026-13-45";
        c.lines().set(badDate, String.join("\t", d));
        String[] r = c.lines().get(badRelation).split("\t", -1);
        r[7] = "overlaps";
        c.lines().set(badRelation, String.join("\t", r));
        String[] p = c.lines().get(unknownPrefix).split("\t", -1);
        p[3] = "nosuchprefix:A.5.1";
        c.lines().set(unknownPrefix, String.join("\t", p));

        List<String> problems = problemsOf(c.lines());
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith(NAME + ":" + (shifted + 1) + ": 11 columns");
        assertThat(problems.get(1)).startsWith(NAME + ":" + (truncated + 1) + ": 3 columns");
        assertThat(problems).anySatisfy(m -> assertThat(m).startsWith(NAME + ":" + (badDate + 1) + ":").contains("2026-13-45"));
        assertThat(problems).anySatisfy(m -> assertThat(m).startsWith(NAME + ":" + (badRelation + 1) + ": ext_relation 'overlaps'"));
        assertThat(problems).anySatisfy(m -> assertThat(m).startsWith(NAME + ":" + (unknownPrefix + 1) + ":"));
    }

    @Test
    void anExtraColumnIsNamedAtItsLine() throws IOException {
        Copy c = realFile();
        int row = c.lines().size() - 1;
        c.lines().set(row, c.lines().get(row) + "\tstray");
        assertThat(problemsOf(c.lines())).singleElement().asString().startsWith(NAME + ":" + (row + 1) + ": 13 columns");
    }

    @Test
    void aBrokenHeaderIsNamedAtTheHeaderAndNothingIsRead() throws IOException {
        Copy c = realFile();
        c.lines().set(1, "#   cwagent: [unclosed");
        List<String> problems = new ArrayList<>();
        Path file = tmp.resolve("x.sssom.tsv");
        Files.write(file, c.lines());
        MappingSetReader.Result r = MappingSetReader.read(file, NAME, problems);
        assertThat(r.set()).isNull();
        assertThat(problems).singleElement().asString().startsWith(NAME + ":" + c.firstRow() + ":");
    }

    @Test
    void catalogueAndMappingProblemsAreListedTogether() throws IOException {
        Path ontology = tmp.resolve("data/ontology"), mappings = tmp.resolve("data/mappings");
        copy(TestStores.ontologyDir(), ontology);
        copy(TestStores.mappingsDir(), mappings);
        Path ttl = ontology.resolve("evidence.ttl");
        Files.writeString(ttl, Files.readString(ttl) + "\nthis is ( not turtle .\n");
        Path tsv = mappings.resolve("iso42001-iso27001.sssom.tsv");
        Copy c = realFile();
        c.lines().set(c.firstRow(), withoutColumn(c.lines().get(c.firstRow()), 4));
        Files.write(tsv, c.lines());
        DataSources sources = new DataSources(ontology, mappings);
        try {
            GraphBuilder.build(sources);
            throw new AssertionError("expected the data to be refused");
        } catch (DataValidationException e) {
            assertThat(e.problems()).anySatisfy(m -> assertThat(m).startsWith("ontology/evidence.ttl:"));
            assertThat(e.problems()).anySatisfy(m -> assertThat(m)
                    .startsWith("mappings/iso42001-iso27001.sssom.tsv:" + (c.firstRow() + 1) + ": 11 columns"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
