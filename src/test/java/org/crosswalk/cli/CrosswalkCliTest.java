package org.crosswalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process as a user runs it: exit codes, file:line errors, files written. */
class CrosswalkCliTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = CrosswalkCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String[] data(Path store, String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--ontology", TestStores.ontologyDir().toString(),
                "--mappings", TestStores.mappingsDir().toString(), "--store", store.toString())).toArray(String[]::new);
    }

    @Test
    void validateAcceptsTheRealDataAndRejectsABrokenCopyWithFileAndLine(@TempDir Path tmp) throws Exception {
        Run ok = run("validate", "--ontology", TestStores.ontologyDir().toString(), "--mappings", TestStores.mappingsDir().toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("valid:", "mapping sets");

        Path ontology = tmp.resolve("ontology");
        copy(TestStores.ontologyDir(), ontology);
        Path nist = ontology.resolve("frameworks/nist-ai-rmf.ttl");
        Files.writeString(nist, Files.readString(nist).replaceFirst("skos:inScheme", "skos:inScheme ;;"));
        Run broken = run("validate", "--ontology", ontology.toString(), "--mappings", TestStores.mappingsDir().toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).containsPattern("nist-ai-rmf\\.ttl:\\d+");
    }

    @Test
    void queryCoverageGapsAndExportWriteTheirFiles(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Run q = run(data(store, "query", "search", "-p", "q=risk", "-p", "framework=nist-ai-rmf", "-f", "csv"));
        assertThat(q.exit()).as(q.err()).isZero();

        Path profile = tmp.resolve("profile.csv");
        Files.writeString(profile, "framework,requirement,status\niso42001,6.1.2,satisfied\nevidence,ai-risk-assessment,held\n");
        Path coverage = tmp.resolve("coverage.xlsx");
        Run c = run(data(store, "coverage", "--profile", profile.toString(), "-t", "eu-ai-act,nist-ai-rmf", "-o", coverage.toString()));
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(Files.size(coverage)).isPositive();

        Path gaps = tmp.resolve("gaps.csv");
        Run g = run(data(store, "gaps", "--source", "iso42001", "--role", "deployer", "--system", "high-risk", "-o", gaps.toString()));
        assertThat(g.exit()).as(g.err()).isZero();
        assertThat(Files.readString(gaps)).startsWith("requirement,");

        Path sssom = tmp.resolve("set.sssom.tsv");
        Run e = run(data(store, "export", "sssom", "iso42001-eu-ai-act", "-o", sssom.toString()));
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(Files.readString(sssom)).contains("mapping_set_id", "semapv:ManualMappingCuration");

        Run bad = run(data(store, "export", "sssom", "iso42001-eu-aiact"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("iso42001-eu-ai-act").doesNotContain("at org.");

        // A command that fails after opening its output leaves an existing file as it was, and no temporary file.
        Run failed = run(data(store, "export", "sssom", "iso42001-eu-aiact", "-o", sssom.toString()));
        assertThat(failed.exit()).isEqualTo(2);
        assertThat(Files.readString(sssom)).contains("mapping_set_id", "semapv:ManualMappingCuration");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        // A failed run does not leave a new, empty file behind either.
        Path never = tmp.resolve("never.tsv");
        assertThat(run(data(store, "export", "sssom", "iso42001-eu-aiact", "-o", never.toString())).exit()).isEqualTo(2);
        assertThat(never).doesNotExist();
        // Overwriting keeps what a plain overwrite keeps: the file's permissions, and a link as a link.
        var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(sssom, perms);
        Path link = Files.createSymbolicLink(tmp.resolve("latest.sssom.tsv"), sssom.getFileName());
        assertThat(run(data(store, "export", "sssom", "iso42001-nist-ai-rmf", "-o", link.toString())).exit()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(sssom)).contains("nistairmf:");
        assertThat(Files.getPosixFilePermissions(sssom)).isEqualTo(perms);

        Run badProfile = run(data(store, "coverage", "--profile", writeBadProfile(tmp).toString()));
        assertThat(badProfile.exit()).isEqualTo(2);
        assertThat(badProfile.err()).contains("Line 3");
    }

    @Test
    void errorsAreOneLineNamingTheFileTheIdAndTheClosestMatch(@TempDir Path tmp) throws Exception {
        Path store = tmp.resolve("store");
        Path nope = tmp.resolve("nope.csv");
        Run missing = run(data(store, "coverage", "--profile", nope.toString()));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip().lines()).hasSize(1).first().asString().contains(nope + ": no such file");
        assertThat(missing.err()).doesNotContain("at org.", "Exception");

        Run typo = run(data(store, "export", "sssom", "iso42001-eu-aiact"));
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err().strip().lines()).hasSize(1).first().asString()
                .contains("Unknown mapping set 'iso42001-eu-aiact'; closest: iso42001-eu-ai-act,");

        Run option = run("export", "--formt", "csv");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err().strip().lines()).hasSize(1).first().asString().contains("--formt").contains("--help");

        // Writing into a directory that does not exist is refused, unless asked for with --mkdirs.
        Path deep = tmp.resolve("no/such/dir/set.sssom.tsv");
        Run refused = run(data(store, "export", "sssom", "iso42001-eu-ai-act", "-o", deep.toString()));
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err().strip().lines()).hasSize(1).first().asString().contains("does not exist", "--mkdirs");
        assertThat(tmp.resolve("no")).doesNotExist();
        Run made = run(data(store, "export", "sssom", "iso42001-eu-ai-act", "-o", deep.toString(), "--mkdirs"));
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(Files.readString(deep)).contains("mapping_set_id");
    }

    static Path writeBadProfile(Path tmp) throws Exception {
        Path p = tmp.resolve("bad.csv");
        Files.writeString(p, "framework,requirement,status\niso42001,6.1.2,satisfied\niso42001,6.1.3,maybe\n");
        return p;
    }

    static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
