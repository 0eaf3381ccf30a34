package org.crosswalk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.Vocab;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing real and broken catalogues into a private copy of the data: the NIST SP 800-53 HIGH baseline
 * (OSCAL JSON), a small OSCAL XML catalog and a CSV; each bad input refused with its place, nothing stored.
 */
class FrameworkImporterTest {
    static final Path NIST = Paths.get("src/test/resources/oscal-nist-800-53/NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json");
    static final Path XML = Paths.get("src/test/resources/imports/small-catalog.xml");
    static final Path CSV = Paths.get("src/test/resources/imports/internal-controls.csv");

    @TempDir Path tmp;
    DataSources sources;
    FrameworkImporter importer;
    List<String> steps = new ArrayList<>();

    @BeforeEach
    void copyOfRealData() throws IOException {
        copy(TestStores.ontologyDir(), tmp.resolve("ontology"));
        copy(TestStores.mappingsDir(), tmp.resolve("mappings"));
        sources = new DataSources(tmp.resolve("ontology"), tmp.resolve("mappings"));
        importer = new FrameworkImporter(sources, 32L << 20);
    }

    @Test
    void nistSp80053HighBaselineImportsWithAllFamiliesControlsAndReadableStatements() {
        FrameworkImporter.Result r = importer.importFile(NIST, new FrameworkImporter.Options("nist-sp-800-53", null, "5.1.1", null), steps::add);
        assertThat(r.topConcepts()).isEqualTo(18);
        assertThat(r.requirements()).isEqualTo(18 + 370);
        assertThat(r.file()).isEqualTo(sources.ontologyDir().resolve("frameworks/imported/nist-sp-800-53.ttl")).exists();
        assertThat(steps).anyMatch(s -> s.startsWith("validating"));

        Model m = r.graph().model();
        String ns = "https://w3id.org/crosswalk/nist-sp-800-53/5.1.1/";
        Resource ac1 = m.getResource(ns + "ac-1");
        assertThat(ac1.getProperty(SKOS.notation).getString()).isEqualTo("AC-1");
        assertThat(ac1.getProperty(SKOS.prefLabel).getString()).isEqualTo("Policy and Procedures");
        String text = ac1.getProperty(Vocab.officialText).getString();
        assertThat(text).contains("a. Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:")
                .contains("[Selection (one or more): organization-level; mission/business process-level; system-level]")
                .doesNotContain("{{").doesNotContain("insert:");
        Resource enhancement = m.getResource(ns + "ac-2.1");
        assertThat(enhancement.getProperty(SKOS.notation).getString()).isEqualTo("AC-2(1)");
        assertThat(enhancement.getProperty(SKOS.broader).getResource().getURI()).isEqualTo(ns + "ac-2");
        assertThat(m.getResource(ns + "ac").getProperty(SKOS.topConceptOf)).isNotNull();
        // The built-in data is still whole beside it.
        assertThat(r.graph().curatedMappings()).isPositive();
    }

    @Test
    void oscalXmlImportsWithStatementsAndParameters() {
        FrameworkImporter.Result r = importer.importFile(XML, new FrameworkImporter.Options("small-catalog", null, "1.0", null), steps::add);
        assertThat(r.requirements()).isEqualTo(6);
        Model m = r.graph().model();
        String text = m.getResource("https://w3id.org/crosswalk/small-catalog/1.0/ac-1").getProperty(Vocab.officialText).getString();
        assertThat(text).isEqualTo("a. Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:\n"
                + "  1. [Selection (one or more): organization-level; system-level] access control policy; and");
    }

    @Test
    void csvImportsWithParentsAndTexts() {
        FrameworkImporter.Result r = importer.importFile(CSV, new FrameworkImporter.Options("acme-ai", "ACME AI controls", "2026", null), steps::add);
        assertThat(r.requirements()).isEqualTo(5);
        assertThat(r.topConcepts()).isEqualTo(2);
        Resource gov2 = r.graph().model().getResource("https://w3id.org/crosswalk/acme-ai/2026/GOV-2");
        assertThat(gov2.getProperty(SKOS.broader).getResource().getURI()).endsWith("/GOV");
        assertThat(gov2.getProperty(Vocab.officialText).getString()).contains("override or stop");
    }

    @Test
    void notOscalIsRefusedAndNothingStored() throws IOException {
        Path f = tmp.resolve("profile.json");
        Files.writeString(f, "{\"profile\": {\"uuid\": \"x\"}}");
        assertRefused(f, "csv-x", "profile.json#: not an OSCAL catalog", "'profile'");
        Path notJson = tmp.resolve("broken.json");
        Files.writeString(notJson, "{\n \"catalog\": {\n  \"metadata\": ,\n}");
        assertRefused(notJson, "csv-x", "broken.json:3:", "not JSON");
        Path otherXml = tmp.resolve("other.xml");
        Files.writeString(otherXml, "<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:other\"/>");
        assertRefused(otherXml, "csv-x", "other.xml:2: not an OSCAL catalog", "urn:other");
    }

    @Test
    void anUnsupportedOscalVersionIsRefusedAtItsPointerOrLine() throws IOException {
        Path json = tmp.resolve("v2.json");
        Files.writeString(json, Files.readString(NIST).replace("\"oscal-version\":\"1.1.2\"", "\"oscal-version\":\"2.0.0\""));
        assertRefused(json, "v-two", "v2.json#/catalog/metadata/oscal-version: OSCAL version '2.0.0' is not supported");
        Path xml = tmp.resolve("v0.xml");
        Files.writeString(xml, Files.readString(XML).replace("<oscal-version>1.1.2</oscal-version>", "<oscal-version>0.9.0</oscal-version>"));
        assertRefused(xml, "v-zero", "v0.xml:9: OSCAL version '0.9.0' is not supported");
    }

    @Test
    void duplicateIdsAndUnknownParentsAreRefusedAtTheirLines() throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, Files.readString(CSV) + "GOV-1,GOV,Again,Duplicate row.\nX-1,NOPE,Orphan,Its parent does not exist.\n");
        ImportException e = refused(csv, "acme-bad");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("bad.csv:7: duplicate id 'GOV-1'").contains("bad.csv:3"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("bad.csv:8: parent id 'NOPE'"));

        Path json = tmp.resolve("dup.json");
        Files.writeString(json, Files.readString(NIST).replace("\"id\":\"ac-3\"", "\"id\":\"ac-2\""));
        assertThat(refused(json, "dup-ids").problems()).anySatisfy(p -> assertThat(p).matches("dup\\.json#/catalog/groups/0/controls/\\d+: duplicate id 'ac-2'.*"));
    }

    @Test
    void anIdCollidingWithAnExistingFrameworkIsRefused() {
        assertRefused(CSV, "iso27001", "collides with the framework https://w3id.org/crosswalk/iso27001/2022");
        importer.importFile(CSV, new FrameworkImporter.Options("acme-ai", "ACME", "1", null), steps::add);
        assertThatThrownBy(() -> importer.importFile(CSV, new FrameworkImporter.Options("acme-ai", "ACME", "1", null), steps::add))
                .isInstanceOf(ImportException.class).hasMessageContaining("an earlier import");
    }

    @Test
    void aShapeViolationIsLocatedInTheInput() throws IOException {
        // An ISO id makes the ISO shape apply: copyrighted text may not be stored as official text.
        ImportException e = refused(CSV, "iso-internal");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("internal-controls.csv:3: ISO text is copyrighted"));
    }

    @Test
    void a200MegabyteFileIsRefusedBeforeReading() throws IOException {
        Path big = tmp.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200L << 20); // sparse: no 200 MB written
        }
        assertRefused(big, "huge", "huge.json: 209715200 bytes, above the import limit");
    }

    private void assertRefused(Path file, String id, String... fragments) {
        ImportException e = refused(file, id);
        assertThat(String.join("\n", e.problems())).contains(fragments);
    }

    private ImportException refused(Path file, String id) {
        String before = sources.version();
        try {
            importer.importFile(file, new FrameworkImporter.Options(id, "T", "1", null), steps::add);
        } catch (ImportException e) {
            assertThat(sources.version()).as("nothing stored").isEqualTo(before);
            assertThat(importer.importedDir().resolve(id + ".ttl")).doesNotExist();
            return e;
        }
        throw new AssertionError("expected " + file + " to be refused");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
