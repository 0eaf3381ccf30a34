package org.crosswalk.answers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.crosswalk.graph.GraphBuilder.BuiltGraph;
import org.crosswalk.store.EmbeddedStore;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;

/**
 * The id index on TDB2 on disk: ids in the forms people write them, unknown ids with the closest known
 * ones, and a reload that makes ids added to the store resolve while the old ones still do.
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
    void anIdResolvesInTheFormsPeopleWriteIt() {
        try (EmbeddedStore store = store("index-forms", TTL)) {
            RequirementIndex index = RequirementIndex.load(store);
            assertThat(index.requirement("f", "Clause 4.1")).isEqualTo(index.requirement("f", "clause-4.1"))
                    .isEqualTo(index.requirement(null, "f:4.1"));
            assertThat(index.frameworks()).extracting(RequirementIndex.Framework::id).containsExactly("f");
            assertThatThrownBy(() -> index.requirement("f", "4.2")).isInstanceOf(UnknownIdException.class)
                    .hasMessageContaining("4.1");
            // What was not found, for code to decide on (a look-up's 404, the requirement page's hint).
            assertThat(catchUnknown(() -> index.requirement("f", "4.2")))
                    .returns(UnknownIdException.Thing.REQUIREMENT, UnknownIdException::thing)
                    .returns("f", UnknownIdException::framework).returns("requirement of f", UnknownIdException::kind);
            assertThat(catchUnknown(() -> index.requirement(null, "4.2")))
                    .returns(UnknownIdException.Thing.REQUIREMENT, UnknownIdException::thing)
                    .returns(null, UnknownIdException::framework);
            assertThat(catchUnknown(() -> index.requirement("g", "4.1")))
                    .returns(UnknownIdException.Thing.FRAMEWORK, UnknownIdException::thing)
                    .returns(List.of("f"), UnknownIdException::closest);
            assertThat(catchUnknown(() -> index.role("providr")).thing()).isEqualTo(UnknownIdException.Thing.ROLE);
        }
    }

    private static UnknownIdException catchUnknown(Runnable call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(UnknownIdException.class, call::run);
    }

    @Test
    void aReloadMakesNewIdsResolve() {
        try (EmbeddedStore store = store("index-reload", TTL)) {
            RequirementIndex index = RequirementIndex.load(store);
            assertThatThrownBy(() -> index.requirement("f", "4.2")).isInstanceOf(UnknownIdException.class);
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
