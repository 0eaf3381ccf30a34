package org.crosswalk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import-framework from the command line, on a private copy of the data (suggest and review are exercised over REST). */
class CrosswalkCliImportTest {

    @Test
    void importRefusesACollisionAndStoresAValidCatalog(@TempDir Path tmp) throws Exception {
        Path ontology = tmp.resolve("ontology"), mappings = tmp.resolve("mappings");
        CrosswalkCliTest.copy(TestStores.ontologyDir(), ontology);
        CrosswalkCliTest.copy(TestStores.mappingsDir(), mappings);
        String[] dirs = {"--ontology", ontology.toString(), "--mappings", mappings.toString()};

        CrosswalkCliTest.Run bad = CrosswalkCliTest.run(concat(new String[] {"import-framework",
                "src/test/resources/imports/internal-controls.csv", "--id", "iso27001", "--version", "1", "--title", "X"}, dirs));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("collides with the framework", "Nothing was stored.").doesNotContain("at org.");

        CrosswalkCliTest.Run ok = CrosswalkCliTest.run(concat(new String[] {"import-framework",
                "src/test/resources/imports/small-catalog.xml", "--id", "small-catalog", "--version", "1.0"}, dirs));
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("imported small-catalog: 6 requirements (2 top-level, 4 with text)");

        assertThat(ontology.resolve("frameworks/imported/small-catalog.ttl")).exists();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
