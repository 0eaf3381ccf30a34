package org.crosswalk.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Running each SHACL-SPARQL constraint once over the whole graph finds exactly what Jena's validator
 * finds running it once per focus node: on the real data (nothing) and on the real data with a violation
 * of every sh:sparql constraint of shapes.ttl injected, and of sh:class, which is also checked whole-graph
 * (the same focus nodes, paths and messages). A constraint
 * whose query binds $this only inside FILTER NOT EXISTS would find nothing run whole-graph and fail here.
 */
class ShapeValidationTest {
    private static final String CW = Vocab.CW;
    private static Model real;
    private static Graph shapesGraph;

    @BeforeAll
    static void build() {
        DataSources sources = new DataSources(TestStores.ontologyDir(), TestStores.mappingsDir());
        real = GraphBuilder.build(sources).model();
        shapesGraph = RDFDataMgr.loadGraph(sources.shapesFile().toString());
    }

    @Test
    void theRealDataHasNoViolationEitherWay() {
        // The loader validates the files' rows only; here the derived mappings are held to the same shapes.
        assertThat(real.listSubjectsWithProperty(Vocab.mappingJustification, Vocab.MappingInversion).toList())
                .as("inverse mappings in the graph validated here").isNotEmpty();
        assertThat(wholeGraph(real)).isEmpty();
        assertThat(perFocusNode(real)).isEmpty();
    }

    /**
     * The real data derives no chain (its curated sets relate every pair of frameworks, mostly by
     * intersects-with), so chains are made here from two test rows between real requirements of three
     * frameworks, a subset-of b and b subset-of c, and held to the shapes like the loader's output.
     */
    @Test
    void derivedChainsAndInversesMeetTheShapes() {
        String a = one(real, "SELECT ?x WHERE { ?x skos:notation \"A.6.2.4\" ; skos:inScheme/dcterms:identifier \"iso42001\" }").getURI();
        String b = one(real, "SELECT ?x WHERE { ?x skos:notation \"GOVERN 1.1\" }").getURI();
        String c = one(real, "SELECT ?x WHERE { ?x skos:notation \"5.1\" ; skos:inScheme/dcterms:identifier \"iso27001\" }").getURI();
        String set = one(real, "SELECT ?x WHERE { ?x a cw:MappingSet }").getURI();
        List<MappingRecord> rows = List.of(
                new MappingRecord(a, Relation.SUBSET_OF, b, "https://w3id.org/semapv/vocab/ManualMappingCuration", "semantic", 6,
                        "Test row.", null, null, List.of(), set, "test:1", List.of(), null),
                new MappingRecord(b, Relation.SUBSET_OF, c, "https://w3id.org/semapv/vocab/ManualMappingCuration", "functional", 8,
                        "Test row.", null, null, List.of(), set, "test:2", List.of(), null));
        var frameworkOf = (java.util.function.Function<String, String>) iri ->
                real.getResource(iri).getPropertyResourceValue(SKOS.inScheme).getURI();
        List<MappingRecord> derived = MappingDerivation.derive(rows, frameworkOf);
        assertThat(derived).anyMatch(d -> d.via() != null && d.subject().equals(a) && d.object().equals(c));

        Model withChains = ModelFactory.createDefaultModel().add(real);
        rows.forEach(m -> GraphBuilder.addMapping(withChains, m));
        derived.forEach(m -> GraphBuilder.addMapping(withChains, m));
        assertThat(wholeGraph(withChains)).isEmpty();
    }

    @Test
    void everySparqlConstraintFindsTheSameViolationsWholeGraphAsPerFocusNode() {
        Model broken = ModelFactory.createDefaultModel().add(real);
        injectViolations(broken);

        Set<String> whole = wholeGraph(broken);
        Set<String> perNode = perFocusNode(broken);

        assertThat(whole).isEqualTo(perNode);
        // every sh:sparql constraint fired at least once, so none is vacuous in this comparison
        Set<String> messages = shapesGraph.find(null, org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/shacl#sparql"), null)
                .mapWith(t -> shapesGraph.find(t.getObject(), org.apache.jena.graph.NodeFactory.createURI("http://www.w3.org/ns/shacl#message"), null)
                        .next().getObject().getLiteralLexicalForm())
                .toSet();
        assertThat(messages).as("sh:sparql constraints in shapes.ttl: a new one needs a violation injected below").hasSize(15);
        for (String message : messages) {
            String fixedPart = message.split("\\{")[0];
            assertThat(whole).as("violations of: " + message).anyMatch(p -> p.contains(fixedPart));
        }
        for (String classViolation : List.of("skos/core#broader>: A requirement has at most one parent, and the parent must be a catalogued requirement.",
                "ontology#relation>: A mapping needs exactly one NIST IR 8477 relation.",
                "ontology#rationale>: A mapping needs exactly one NIST IR 8477 rationale.")) {
            assertThat(whole).as("sh:class violation: " + classViolation).anyMatch(p -> p.endsWith(classViolation));
        }
    }

    private static Set<String> wholeGraph(Model model) {
        return new TreeSet<>(new ShapeValidation(shapesGraph).validate(model, new NodeLocator()));
    }

    private static Set<String> perFocusNode(Model model) {
        Set<String> out = new TreeSet<>();
        for (ReportEntry e : ShaclValidator.get().validate(Shapes.parse(shapesGraph), model.getGraph()).getEntries()) {
            String focus = e.focusNode().isURI() ? e.focusNode().getURI() : e.focusNode().toString();
            String path = e.resultPath() == null ? "" : " " + e.resultPath() + ":";
            // Jena prints template values in Turtle form; ours prints lexical forms and plain IRIs
            String message = e.message().replaceAll("\"([^\"]*)\"(\\^\\^\\S+|@\\w+)?", "$1").replaceAll("<([^>]+)>", "$1");
            out.add("(unlocated): <" + focus + ">" + path + " " + message);
        }
        return out;
    }

    private static Resource one(Model m, String select) {
        try (QueryExecution qe = QueryExecution.model(m).query("PREFIX cw: <" + CW + "> PREFIX skos: <" + SKOS.getURI()
                + "> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX owl: <http://www.w3.org/2002/07/owl#> " + select + " LIMIT 1").build()) {
            return qe.execSelect().next().getResource("x");
        }
    }

    /** One violation of each of the 15 sh:sparql constraints, on top of real nodes. */
    private static void injectViolations(Model m) {
        Resource isoControl = one(m, "SELECT ?x WHERE { ?x skos:notation \"A.6.2.4\" ; skos:inScheme/dcterms:identifier \"iso42001\" }");
        Resource nistSub = one(m, "SELECT ?x WHERE { ?x skos:notation \"GOVERN 1.1\" }");
        Resource scheme = isoControl.getPropertyResourceValue(SKOS.inScheme);
        Resource otherKind = one(m, "SELECT ?x WHERE { ?x <http://www.w3.org/2000/01/rdf-schema#subClassOf> cw:Requirement . "
                + "FILTER NOT EXISTS { <" + isoControl.getURI() + "> a ?x } }");
        // requirements: two kinds; wrong IRI; parent in another framework; no parent and not top; duplicate
        // notation; official text without source
        m.add(isoControl, RDF.type, otherKind);
        Resource stray = m.createResource(scheme.getURI() + "/stray");
        m.add(stray, RDF.type, SKOS.Concept).add(stray, SKOS.inScheme, scheme).add(stray, DCTerms.identifier, "not-stray")
                .add(stray, SKOS.notation, "A.6.2.4").add(stray, m.createProperty(CW + "officialText"), "text", "en");
        m.add(nistSub, SKOS.broader, isoControl);
        // provision versions: overlap, pending without effect, no application, inserted after an earlier version
        Resource version = one(m, "SELECT ?x WHERE { ?x cw:versionOf ?p ; cw:validUntil ?u }");
        Resource provision = version.getPropertyResourceValue(m.createProperty(CW + "versionOf"));
        Resource late = m.createResource(CW + "test-version");
        m.add(late, RDF.type, m.createResource(CW + "ProvisionVersion")).add(late, m.createProperty(CW + "versionOf"), provision)
                .add(late, m.createProperty(CW + "validFrom"), m.createTypedLiteral("2030-01-01", XSDDatatype.XSDdate))
                .add(late, m.createProperty(CW + "changeKind"), m.createResource(CW + "Inserted"))
                .add(late, m.createProperty(CW + "madeBy"), provision)
                .add(late, m.createProperty(CW + "textStatus"), m.createResource(CW + "Pending"));
        // evidence type supporting nothing
        Resource evidence = m.createResource(CW + "test-evidence");
        m.add(evidence, RDF.type, m.createResource(CW + "EvidenceType")).add(evidence, DCTerms.identifier, "test-evidence")
                .add(evidence, SKOS.prefLabel, "Test", "en").add(evidence, DCTerms.description, "x");
        // mappings: relation vs predicate, strength vs relation, Not without no-relationship, same framework
        Resource mapping = one(m, "SELECT ?x WHERE { ?x a cw:Mapping ; cw:relation cw:IntersectsWith }");
        m.add(mapping, OWL2.annotatedProperty, SKOS.exactMatch).add(mapping, m.createProperty(CW + "strength"), m.createTypedLiteral(10))
                .add(mapping, m.createProperty(Vocab.SSSOM + "predicate_modifier"), "Not")
                .add(mapping, OWL2.annotatedTarget, isoControl).add(mapping, OWL2.annotatedSource, stray);
        // sh:class, checked whole-graph too: a parent that is a framework, a mapping whose relation is a
        // requirement, a rationale that is a literal. Each replaces the one value there was, so no
        // sh:maxCount violation with the same message stands in for the sh:class one.
        Resource child = one(m, "SELECT ?x WHERE { ?x skos:notation \"6.1.2\" ; skos:inScheme/dcterms:identifier \"iso42001\" }");
        m.removeAll(child, SKOS.broader, null).add(child, SKOS.broader, scheme);
        Resource other = one(m, "SELECT ?x WHERE { ?x a cw:Mapping ; cw:relation cw:SubsetOf }");
        m.removeAll(other, m.createProperty(CW + "relation"), null).add(other, m.createProperty(CW + "relation"), isoControl);
        m.removeAll(other, m.createProperty(CW + "rationale"), null).add(other, m.createProperty(CW + "rationale"), "semantic");
        assertThat(List.of(isoControl, nistSub, otherKind, version, mapping, child, other)).doesNotContainNull();
    }
}
