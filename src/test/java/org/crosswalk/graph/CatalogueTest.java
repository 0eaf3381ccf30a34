package org.crosswalk.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four framework catalogues are complete and well-formed: the counts the published documents
 * give, official id patterns, unique ids, and the whole graph passing SHACL (GraphBuilder.build
 * refuses anything else).
 */
class CatalogueTest {
    static Model graph;

    @BeforeAll
    static void load() {
        graph = GraphBuilder.build(new DataSources(TestStores.ontologyDir(), TestStores.mappingsDir())).model();
    }

    /** local id → kind (lower-case class label) for one framework. */
    static Map<String, String> requirements(String framework) {
        Map<String, String> out = new HashMap<>();
        try (QueryExecution qe = QueryExecution.model(graph).query("""
                PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?id ?kind WHERE {
                  ?s dcterms:identifier "%s" . ?r skos:inScheme ?s ; dcterms:identifier ?id ; a ?k .
                  ?k rdfs:subClassOf cw:Requirement ; rdfs:label ?l . BIND(LCASE(STR(?l)) AS ?kind) }""".formatted(framework)).build()) {
            qe.execSelect().forEachRemaining(r -> {
                String previous = out.put(r.getLiteral("id").getString(), r.getLiteral("kind").getString());
                assertThat(previous).as("id %s used twice in %s", r.getLiteral("id"), framework).isNull();
            });
        }
        return out;
    }

    static Set<String> ofKind(Map<String, String> reqs, String kind) {
        Set<String> ids = new TreeSet<>();
        reqs.forEach((id, k) -> { if (k.equals(kind)) ids.add(id); });
        return ids;
    }

    static List<String> range(String prefix, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) ids.add(prefix + i);
        return ids;
    }

    @Test
    void iso42001HasClauses4To10AndThe38AnnexAControls() {
        Map<String, String> reqs = requirements("iso42001");
        assertThat(ofKind(reqs, "clause")).containsExactlyInAnyOrder(
                "4", "4.1", "4.2", "4.3", "4.4", "5", "5.1", "5.2", "5.3",
                "6", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2", "6.3",
                "7", "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3",
                "8", "8.1", "8.2", "8.3", "8.4", "9", "9.1", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2", "9.3.3",
                "10", "10.1", "10.2");
        List<String> controls = new ArrayList<>();
        controls.addAll(range("A.2.", 2, 4));
        controls.addAll(range("A.3.", 2, 3));
        controls.addAll(range("A.4.", 2, 6));
        controls.addAll(range("A.5.", 2, 5));
        controls.addAll(range("A.6.1.", 2, 3));
        controls.addAll(range("A.6.2.", 2, 8));
        controls.addAll(range("A.7.", 2, 6));
        controls.addAll(range("A.8.", 2, 5));
        controls.addAll(range("A.9.", 2, 4));
        controls.addAll(range("A.10.", 2, 4));
        assertThat(controls).hasSize(38);
        assertThat(ofKind(reqs, "control")).containsExactlyInAnyOrderElementsOf(controls);
        List<String> objectives = new ArrayList<>(range("A.", 2, 10));
        objectives.addAll(List.of("A.6.1", "A.6.2"));
        assertThat(ofKind(reqs, "control objective")).containsExactlyInAnyOrderElementsOf(objectives);
    }

    @Test
    void iso27001HasClauses4To10AndThe93AnnexAControls() {
        Map<String, String> reqs = requirements("iso27001");
        assertThat(ofKind(reqs, "clause")).containsExactlyInAnyOrder(
                "4", "4.1", "4.2", "4.3", "4.4", "5", "5.1", "5.2", "5.3",
                "6", "6.1", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3",
                "7", "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3",
                "8", "8.1", "8.2", "8.3", "9", "9.1", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2", "9.3.3",
                "10", "10.1", "10.2");
        List<String> controls = new ArrayList<>();
        controls.addAll(range("A.5.", 1, 37));
        controls.addAll(range("A.6.", 1, 8));
        controls.addAll(range("A.7.", 1, 14));
        controls.addAll(range("A.8.", 1, 34));
        assertThat(controls).hasSize(93);
        assertThat(ofKind(reqs, "control")).containsExactlyInAnyOrderElementsOf(controls);
        assertThat(ofKind(reqs, "control theme")).containsExactlyInAnyOrder("A.5", "A.6", "A.7", "A.8");
    }

    @Test
    void nistAiRmfHas4Functions19CategoriesAnd72Subcategories() {
        Map<String, String> reqs = requirements("nist-ai-rmf");
        assertThat(ofKind(reqs, "function")).containsExactlyInAnyOrder("GOVERN", "MAP", "MEASURE", "MANAGE");
        assertThat(ofKind(reqs, "category")).hasSize(19);
        assertThat(ofKind(reqs, "subcategory")).hasSize(72);
        int[][] perCategory = { {7, 3, 2, 3, 2, 2}, {6, 3, 5, 2, 2}, {3, 13, 3, 3}, {4, 4, 2, 3} };
        String[] functions = {"GOVERN", "MAP", "MEASURE", "MANAGE"};
        for (int f = 0; f < 4; f++) {
            for (int c = 0; c < perCategory[f].length; c++) {
                for (int s = 1; s <= perCategory[f][c]; s++) {
                    assertThat(reqs).containsKey(functions[f] + "-" + (c + 1) + "." + s);
                }
            }
        }
    }

    @Test
    void euAiActHas113Articles13AnnexesAnd13ChaptersPlusWhatRegulation2026_1744Inserts() {
        Map<String, String> reqs = requirements("eu-ai-act");
        List<String> articles = new java.util.ArrayList<>(range("art_", 1, 113));
        articles.add("art_4a"); // inserted by Regulation (EU) 2026/1744, Article 1(6)
        assertThat(ofKind(reqs, "article")).containsExactlyInAnyOrderElementsOf(articles);
        assertThat(ofKind(reqs, "annex")).containsExactlyInAnyOrder("anx_I", "anx_II", "anx_III", "anx_IV", "anx_V",
                "anx_VI", "anx_VII", "anx_VIII", "anx_IX", "anx_X", "anx_XI", "anx_XII", "anx_XIII", "anx_XIV");
        assertThat(ofKind(reqs, "chapter")).hasSize(13);
        // Paragraph level where the issue asks for it.
        for (int n : new int[] {5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
                40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 53, 54, 55, 72, 73}) {
            assertThat(reqs).as("Article %d has paragraph 1", n).containsKey("art_" + n + "__para_1");
        }
        assertThat(reqs).containsKeys("art_16__pt_a", "art_5__para_1__pt_a", "art_5__para_1__pt_h");
    }

    @Test
    void everyIdMatchesItsFrameworksPattern() {
        Map<String, Pattern> patterns = Map.of(
                "iso42001", Pattern.compile("\\d+(\\.\\d+){0,2}|A\\.\\d+(\\.\\d+){0,2}"),
                "iso27001", Pattern.compile("\\d+(\\.\\d+){0,2}|A\\.\\d+(\\.\\d+)?"),
                "nist-ai-rmf", Pattern.compile("(GOVERN|MAP|MEASURE|MANAGE)(-\\d+(\\.\\d+)?)?"),
                "eu-ai-act", Pattern.compile("cpt_[IVX]+(__sct_\\d+)?|art_\\d+[a-z]?(__para_\\d+[a-z]?)?(__pt_[a-z0-9]+)*|anx_[IVX]+(__pt_[a-z0-9]+)*"));
        patterns.forEach((framework, pattern) -> {
            Map<String, String> reqs = requirements(framework);
            assertThat(reqs).as(framework).isNotEmpty();
            reqs.keySet().forEach(id -> assertThat(pattern.matcher(id).matches()).as("%s id %s", framework, id).isTrue());
        });
    }

    @Test
    void euAiActObligationsCarryRolesSystemsAndDates() {
        try (QueryExecution qe = QueryExecution.model(graph).query("""
                PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT ?r WHERE {
                  ?s dcterms:identifier "eu-ai-act" . ?r skos:inScheme ?s ; a cw:Article .
                  FILTER NOT EXISTS { ?v cw:versionOf ?r ; cw:application/cw:appliesFrom ?d } }""").build()) {
            assertThat(qe.execSelect().hasNext()).as("every article has a version with an application date").isFalse();
        }
        String art26 = "https://w3id.org/crosswalk/eu-ai-act/2024/art_26__para_1";
        assertThat(graph.contains(graph.createResource(art26), graph.createProperty(Vocab.CW + "bindsRole"),
                graph.createResource("https://w3id.org/dpv/legal/eu/aiact#AIDeployer"))).isTrue();
    }

    @Test
    void isoRequirementsCarryOwnSummariesAndNoIsoText() {
        for (String fw : List.of("iso42001", "iso27001")) {
            try (QueryExecution qe = QueryExecution.model(graph).query("""
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    SELECT (COUNT(?r) AS ?n) (COUNT(?d) AS ?described) (COUNT(?t) AS ?texts) WHERE {
                      ?s dcterms:identifier "%s" . ?r skos:inScheme ?s .
                      OPTIONAL { ?r dcterms:description ?d } OPTIONAL { ?r cw:officialText ?t } }""".formatted(fw)).build()) {
                var row = qe.execSelect().next();
                assertThat(row.getLiteral("described").getInt()).isEqualTo(row.getLiteral("n").getInt());
                assertThat(row.getLiteral("texts").getInt()).isZero();
            }
        }
    }
}
