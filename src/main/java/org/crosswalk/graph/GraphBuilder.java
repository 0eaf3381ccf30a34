package org.crosswalk.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.incenp.obofoundry.sssom.model.MappingSet;

/**
 * Turns the data files into one validated in-memory graph: parse every catalogue, read every mapping
 * set and validate all of it with the SHACL shapes, then derive the inverse and chained mappings. All of
 * it happens before anything touches the store, so invalid data is refused whole ("nothing is
 * half-loaded"), with every problem located as file:line.
 */
public final class GraphBuilder {

    /** The outcome: the graph to store, its version, and counts for logs and health. */
    public record BuiltGraph(Model model, String version, int curatedMappings, int derivedMappings, LawVersions.Counts lawVersions) {
        /** A graph built without legal acts to version (tests of the store, hand-made graphs). */
        public BuiltGraph(Model model, String version, int curatedMappings, int derivedMappings) {
            this(model, version, curatedMappings, derivedMappings, new LawVersions.Counts(0, 0, 0));
        }
    }

    private GraphBuilder() {}

    public static BuiltGraph build(DataSources sources) {
        List<String> problems = new ArrayList<>();
        NodeLocator locator = new NodeLocator();
        // A same-term in-memory graph (GraphMemFast), not createDefaultModel()'s same-value legacy graph:
        // the legacy graph's hash bunches probe linearly and cluster on the many near-identical mapping IRIs,
        // which made adding triples most of a large first load (bench/RESULTS.md, scale harness). Nothing
        // here looks a literal up by value, and TDB2 stores terms, so the same-term graph loses nothing.
        Model model = ModelFactory.createModelForGraph(org.apache.jena.graph.GraphMemFactory.createDefaultGraph());
        model.setNsPrefix("cw", Vocab.CW);

        for (Path file : sources.turtleFiles()) parseTurtle(file, sources.displayName(file), model, locator, problems);
        ShapeValidation shapes = null;
        Graph shapesGraph = parseTurtle(sources.shapesFile(), sources.displayName(sources.shapesFile()), null, null, problems);
        if (shapesGraph != null) {
            try {
                shapes = new ShapeValidation(shapesGraph);
            } catch (RuntimeException e) {
                problems.add(sources.displayName(sources.shapesFile()) + ":1: not valid SHACL: " + e.getMessage());
            }
        }
        // Mapping files are still read when a catalogue is broken, so one run lists every problem; only the
        // check that their ends exist needs the catalogues whole.
        boolean cataloguesRead = problems.isEmpty();

        addSortKeys(model);
        addWithinClosure(model);
        // Law versions need the catalogues whole; their problems are listed with the mapping files' below.
        LawVersions.Counts lawVersions = cataloguesRead ? LawVersions.derive(model, problems) : new LawVersions.Counts(0, 0, 0);
        Map<String, String> frameworkOf = new HashMap<>();
        model.listStatements(null, SKOS.inScheme, (RDFNode) null)
                .forEach(s -> frameworkOf.put(s.getSubject().getURI(), s.getObject().asResource().getURI()));

        List<MappingRecord> curated = new ArrayList<>();
        for (Path file : sources.mappingFiles()) {
            String name = sources.displayName(file);
            MappingSetReader.Result result = MappingSetReader.read(file, name, problems);
            if (result.set() == null) continue;
            addMappingSet(model, result.set(), name);
            for (MappingRecord m : result.mappings()) {
                if (!cataloguesRead) continue;
                checkEnd(m.subject(), "subject_id", m, frameworkOf, result.set(), problems);
                checkEnd(m.object(), "object_id", m, frameworkOf, result.set(), problems);
                locator.put(m.iri(), m.location());
                curated.add(m);
            }
        }
        if (!problems.isEmpty()) throw new DataValidationException(problems);

        curated.forEach(m -> addMapping(model, m));
        // The shapes check what the files say: catalogues, law versions, curated mappings. The derived
        // mappings are this code's output from rows that have just passed, not data anyone wrote, and
        // three in four mappings at the scale harness's sizes (2.8 M of 3.8 M at 100x); checking them on
        // every first load was most of the validation time. ShapeValidationTest holds them to the same
        // shapes on the real data, MappingDerivationPropertyTest holds them to set theory.
        if (shapes != null) problems.addAll(shapes.validate(model, locator));
        if (!problems.isEmpty()) throw new DataValidationException(problems);
        List<MappingRecord> derived = MappingDerivation.derive(curated, frameworkOf::get);
        derived.forEach(m -> addMapping(model, m));

        String version = sources.version();
        model.add(ResourceFactory.createResource("https://w3id.org/crosswalk/dataset"), RDF.type, Vocab.Dataset);
        model.add(ResourceFactory.createResource("https://w3id.org/crosswalk/dataset"), Vocab.dataVersion, version);
        return new BuiltGraph(model, version, curated.size(), derived.size(), lawVersions);
    }

    /**
     * Document order as one sortable string per requirement ("0006.0001.0002" for 6.1.2), derived from
     * cw:order along the skos:broader chain, so queries can ORDER BY it (notations do not sort: A.10 < A.2).
     */
    private static void addSortKeys(Model model) {
        Map<Resource, String> keys = new HashMap<>();
        model.listSubjectsWithProperty(SKOS.inScheme).forEach(r -> sortKey(r, keys, 0));
        keys.forEach((r, key) -> model.add(r, Vocab.sortKey, key));
    }

    /**
     * cw:within, the reflexive closure of skos:broader ("r is r or lies under a"), one triple per pair.
     * The named queries ask "which leaves lie under this mapped requirement" on every answer; as the
     * property path skos:broader* that walk was most of their time (JFR, bench/profiles/). Materialised,
     * it is one index look-up, and the queries stay plain SPARQL that analysts can run unchanged.
     */
    private static void addWithinClosure(Model model) {
        List<Statement> closure = new ArrayList<>();
        model.listSubjectsWithProperty(SKOS.inScheme).forEach(r -> {
            Resource up = r;
            for (int depth = 0; up != null && depth < 20; depth++) {
                closure.add(model.createStatement(r, Vocab.within, up));
                Statement parent = up.getProperty(SKOS.broader);
                up = parent != null && parent.getObject().isResource() ? parent.getResource() : null;
            }
        });
        model.add(closure);
    }

    private static String sortKey(Resource r, Map<Resource, String> keys, int depth) {
        String known = keys.get(r);
        if (known != null) return known;
        Statement order = r.getProperty(Vocab.order);
        String own = String.format("%04d", order != null && order.getObject().isLiteral() ? order.getInt() : 0);
        // An inserted provision (Article 5(1)(ba)) sorts after its namesake sibling (b) and all below it:
        // '~' sorts after the '.' that starts a child's key.
        Statement inserted = r.getProperty(Vocab.insertedOrder);
        if (inserted != null && inserted.getObject().isLiteral()) own += String.format("~%02d", inserted.getInt());
        Statement parent = r.getProperty(SKOS.broader);
        String key = parent != null && parent.getObject().isResource() && depth < 20
                ? sortKey(parent.getResource(), keys, depth + 1) + "." + own : own;
        keys.put(r, key);
        return key;
    }

    /** Parses one Turtle file; into {@code model} when given, else into a fresh graph that is returned. */
    private static Graph parseTurtle(Path file, String name, Model model, NodeLocator locator, List<String> problems) {
        Graph graph = GraphFactory.createDefaultGraph();
        PrefixMap prefixes = PrefixMapFactory.create();
        try {
            RDFParser.source(file).lang(Lang.TURTLE).errorHandler(new LocatingErrorHandler(name))
                    .parse(StreamRDFLib.graph(graph));
            graph.getPrefixMapping().getNsPrefixMap().forEach(prefixes::add);
        } catch (RiotException e) {
            problems.add(e.getMessage());
            return null;
        }
        if (model != null) {
            model.add(ModelFactory.createModelForGraph(graph));
            model.setNsPrefixes(graph.getPrefixMapping().getNsPrefixMap());
            locator.indexTurtle(file, name, prefixes);
        }
        return graph;
    }

    private static void checkEnd(String iri, String slot, MappingRecord m, Map<String, String> frameworkOf,
            MappingSet set, List<String> problems) {
        String scheme = frameworkOf.get(iri);
        if (scheme == null) {
            problems.add(m.location() + ": " + slot + " " + iri + " is not a requirement of any catalogue");
            return;
        }
        String expected = slot.equals("subject_id") ? set.getSubjectSource() : set.getObjectSource();
        if (expected != null && !expected.equals(scheme)) {
            problems.add(m.location() + ": " + slot + " " + iri + " is in " + scheme + ", but the set's "
                    + (slot.equals("subject_id") ? "subject_source" : "object_source") + " is " + expected);
        }
    }

    private static void addMappingSet(Model model, MappingSet set, String file) {
        if (set.getMappingSetId() == null) return;
        Resource r = model.createResource(set.getMappingSetId());
        r.addProperty(RDF.type, Vocab.MappingSet).addProperty(RDF.type, Vocab.SssomMappingSet)
                .addProperty(Vocab.sourceFile, file);
        if (set.getMappingSetTitle() != null) r.addProperty(DCTerms.title, set.getMappingSetTitle(), "en");
        if (set.getMappingSetDescription() != null) r.addProperty(DCTerms.description, set.getMappingSetDescription(), "en");
        if (set.getLicense() != null) r.addProperty(DCTerms.license, model.createResource(set.getLicense()));
        if (set.getMappingSetVersion() != null) r.addProperty(OWL2.versionInfo, set.getMappingSetVersion());
        if (set.getSubjectSource() != null) r.addProperty(Vocab.subjectSource, model.createResource(set.getSubjectSource()));
        if (set.getObjectSource() != null) r.addProperty(Vocab.objectSource, model.createResource(set.getObjectSource()));
        if (set.getCreatorId() != null) set.getCreatorId().forEach(c -> r.addProperty(DCTerms.creator, model.createResource(c)));
    }

    /** The SSSOM OWL-axiom reification of one mapping, plus the direct SKOS triple for plain queries. */
    static void addMapping(Model model, MappingRecord m) {
        Resource s = model.createResource(m.subject());
        Resource o = model.createResource(m.object());
        Resource axiom = model.createResource(m.iri())
                .addProperty(RDF.type, OWL2.Axiom).addProperty(RDF.type, Vocab.Mapping)
                .addProperty(OWL2.annotatedSource, s)
                .addProperty(OWL2.annotatedProperty, m.relation().skosPredicate)
                .addProperty(OWL2.annotatedTarget, o)
                .addProperty(Vocab.relation, m.relation().resource)
                .addProperty(Vocab.rationale, Vocab.cw(capitalise(m.rationale())))
                .addLiteral(Vocab.strength, model.createTypedLiteral(m.strength(), XSDDatatype.XSDinteger))
                .addProperty(Vocab.mappingJustification, model.createResource(m.justification()))
                .addProperty(RDFS.comment, m.comment(), "en")
                .addProperty(Vocab.inMappingSet, model.createResource(m.mappingSet()))
                .addLiteral(Vocab.pathLength, model.createTypedLiteral(m.derivedFrom().size() == 2 ? 2 : 1, XSDDatatype.XSDinteger));
        if (m.relation() == Relation.NO_RELATIONSHIP) {
            axiom.addProperty(Vocab.predicateModifier, "Not");
        } else {
            s.addProperty(m.relation().skosPredicate, o);
        }
        if (m.author() != null) axiom.addProperty(Vocab.authoredBy, model.createResource(m.author()));
        if (m.date() != null) axiom.addProperty(Vocab.authoredOn, model.createTypedLiteral(m.date(), XSDDatatype.XSDdate));
        m.seeAlso().forEach(url -> axiom.addProperty(RDFS.seeAlso, model.createResource(url)));
        if (!m.location().isEmpty()) axiom.addProperty(Vocab.sourceFile, m.location());
        m.derivedFrom().forEach(step -> axiom.addProperty(Vocab.wasDerivedFrom, model.createResource(step.iri())));
        if (m.via() != null) axiom.addProperty(Vocab.via, model.createResource(m.via()));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Turns Jena's parse errors into "file:line:col: message" and stops at the first error. */
    private record LocatingErrorHandler(String file) implements ErrorHandler {
        @Override public void warning(String message, long line, long col) {}
        @Override public void error(String message, long line, long col) { fatal(message, line, col); }
        @Override public void fatal(String message, long line, long col) {
            throw new RiotException(file + ":" + line + ":" + col + ": " + message);
        }
    }
}
