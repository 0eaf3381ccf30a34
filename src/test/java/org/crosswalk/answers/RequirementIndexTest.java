package org.crosswalk.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.crosswalk.graph.GraphBuilder.BuiltGraph;
import org.crosswalk.store.EmbeddedStore;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;

/**
 * The id index read in the background while the service starts ({@link RequirementIndex#loadInBackground}),
 * on TDB2 on disk: its callers wait for the read and get what a synchronous read gives; a read that failed
 * reaches every caller as its error; a reload after it sees the store as it is now.
 */
class RequirementIndexTest {

    private static final String TTL = """
            @prefix cw: <https://w3id.org/crosswalk/ontology#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <https://w3id.org/crosswalk/framework/f> a cw:Framework ; dcterms:identifier "f" ;
                dcterms:title "F" ; cw:edition "2023" .
            <https://w3id.org/crosswalk/framework/f/c-4.1> skos:inScheme <https://w3id.org/crosswalk/framework/f> ;
                dcterms:identifier "clause-4.1" ; skos:notation "4.1" ; skos:prefLabel "Context" .
            """;

    private static EmbeddedStore store(String name, String ttl) {
        Model m = ModelFactory.createDefaultModel().read(new StringReader(ttl), null, "TTL");
        return EmbeddedStore.open(TestStores.newStoreRoot(name), "0123456789abcdef" + ttl.hashCode(),
                () -> new BuiltGraph(m, "v", 0, 0));
    }

    @Test
    void aBackgroundReadAnswersAsASynchronousOne() {
        try (EmbeddedStore store = store("index-background", TTL)) {
            RequirementIndex background = RequirementIndex.loadInBackground(store);
            RequirementIndex now = RequirementIndex.load(store);
            assertThat(background.requirement("f", "Clause 4.1")).isEqualTo(now.requirement("f", "4.1"));
            assertThat(background.frameworks()).isEqualTo(now.frameworks()).hasSize(1);
            assertThatThrownBy(() -> background.requirement("f", "4.2")).isInstanceOf(UnknownIdException.class);
        }
    }

    @Test
    void aFailedReadIsEveryCallersError() {
        EmbeddedStore store = store("index-failed", TTL);
        store.close(); // the read in the background finds the store closed
        RequirementIndex index = RequirementIndex.loadInBackground(store);
        assertThatThrownBy(index::frameworks).isInstanceOf(RuntimeException.class).isNotInstanceOf(UnknownIdException.class);
        assertThatThrownBy(() -> index.requirement("f", "4.1")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aReloadAfterABackgroundReadSeesNewIds() {
        try (EmbeddedStore store = store("index-reload", TTL)) {
            RequirementIndex index = RequirementIndex.loadInBackground(store);
            store.update(org.apache.jena.update.UpdateFactory.create("""
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                    INSERT DATA { <https://w3id.org/crosswalk/framework/f/c-4.2> skos:inScheme <https://w3id.org/crosswalk/framework/f> ;
                        dcterms:identifier "clause-4.2" ; skos:notation "4.2" ; skos:prefLabel "Parties" }"""));
            index.reload(store);
            assertThat(index.requirement("f", "4.2").label()).isEqualTo("Parties");
            assertThat(index.requirement("f", "4.1").label()).isEqualTo("Context");
        }
    }
}
