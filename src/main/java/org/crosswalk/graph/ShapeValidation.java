package org.crosswalk.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.system.G;

/**
 * Validates a graph with ontology/shapes.ttl, as SHACL would, but runs each SHACL-SPARQL constraint
 * (sh:sparql) once over the whole graph instead of once per focus node.
 *
 * <p>Why: Jena's validator compiles and optimises a constraint's query again for every focus node. With
 * tens of thousands of mappings that was most of the first load (683 s at the scale harness's 1×; JFR:
 * 40 % of the samples in algebra optimisation). Run once with {@code $this} as an ordinary variable, a
 * constraint gives every violation in one join; the rows are then kept for the shape's focus nodes.
 *
 * <p>That is the same answer as SHACL's pre-binding only if each query binds {@code $this} by a
 * positive pattern of its own (not only inside FILTER NOT EXISTS or OPTIONAL); shapes.ttl says so in its
 * header, and ShapeValidationTest compares both ways on a graph with a violation of every constraint.
 *
 * <p>{@code sh:class} on a property shape with a plain predicate path and its own {@code sh:message}, under
 * a shape with targets, is checked the same way: the instances of the class ({@code rdf:type} through
 * {@code rdfs:subClassOf*}) are collected once, and every value of the path on a focus node is looked up in
 * that set. Jena's validator walks the types and superclasses of each value node anew
 * (G.allTypesOfNodeRDFS); with that and each shape's focus nodes computed once, building the graph at 10×
 * the harness's size takes about 15 % less time (bench/RESULTS.md). The other core constraints (counts,
 * datatypes, …) still go through Jena's validator.
 */
final class ShapeValidation {
    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Node SPARQL = NodeFactory.createURI(SH + "sparql");
    private static final Node SELECT = NodeFactory.createURI(SH + "select");
    private static final Node MESSAGE = NodeFactory.createURI(SH + "message");
    private static final Node PREFIXES = NodeFactory.createURI(SH + "prefixes");
    private static final Node DECLARE = NodeFactory.createURI(SH + "declare");
    private static final Node PREFIX = NodeFactory.createURI(SH + "prefix");
    private static final Node NAMESPACE = NodeFactory.createURI(SH + "namespace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{[?$](\\w+)}");

    private static final Node PROPERTY = NodeFactory.createURI(SH + "property");
    private static final Node PATH = NodeFactory.createURI(SH + "path");
    private static final Node CLASS = NodeFactory.createURI(SH + "class");
    /** Ways one shape reaches another, or is switched off: with any of them, sh:class stays with Jena. */
    private static final List<Node> SHAPE_REFERENCES = java.util.stream.Stream.of("node", "or", "and", "not", "xone",
            "qualifiedValueShape", "deactivated").map(n -> NodeFactory.createURI(SH + n)).toList();

    /** One sh:sparql constraint: its shape, its query with $this made an ordinary variable, its message. */
    private record Check(Node shape, String query, String message) {}

    /** One sh:class constraint: the node shape whose focus nodes it checks, the predicate, the class, the message. */
    private record ClassCheck(Node shape, Node predicate, Node expectedClass, String message) {}

    private final Shapes coreShapes;
    private final Shapes allShapes;
    private final List<Check> checks = new ArrayList<>();
    private final List<ClassCheck> classChecks = new ArrayList<>();

    ShapeValidation(Graph shapesGraph) {
        this.allShapes = Shapes.parse(shapesGraph);
        Graph core = GraphFactory.createDefaultGraph();
        Set<Triple> classTriples = new HashSet<>();
        // Only where the answer is plainly SHACL's: a property shape with one predicate path, one class and
        // one message, under a shape with targets (its focus nodes are all the nodes it checks), in a shapes
        // graph where no shape is reached through another (sh:node, sh:or, …) or switched off. Any other
        // sh:class stays with Jena's validator.
        Set<Node> targetShapes = new HashSet<>();
        allShapes.getTargetShapes().forEach(shape -> targetShapes.add(shape.getShapeNode()));
        boolean plain = SHAPE_REFERENCES.stream().noneMatch(p -> shapesGraph.contains(Node.ANY, p, Node.ANY));
        shapesGraph.find(Node.ANY, PROPERTY, Node.ANY).forEach(t -> {
            Node property = t.getObject();
            List<Triple> paths = shapesGraph.find(property, PATH, Node.ANY).toList();
            List<Triple> classes = shapesGraph.find(property, CLASS, Node.ANY).toList();
            List<Triple> messages = shapesGraph.find(property, MESSAGE, Node.ANY).toList();
            if (plain && targetShapes.contains(t.getSubject()) && paths.size() == 1 && paths.getFirst().getObject().isURI()
                    && classes.size() == 1 && messages.size() == 1 && messages.getFirst().getObject().isLiteral()) {
                classChecks.add(new ClassCheck(t.getSubject(), paths.getFirst().getObject(), classes.getFirst().getObject(),
                        messages.getFirst().getObject().getLiteralLexicalForm()));
                classTriples.add(classes.getFirst());
            }
        });
        shapesGraph.find().forEach(t -> {
            if (classTriples.contains(t)) return;
            if (t.getPredicate().equals(SPARQL)) {
                checks.add(new Check(t.getSubject(), prefixes(shapesGraph, t.getObject())
                        + literal(shapesGraph, t.getObject(), SELECT).replace("$this", "?this"),
                        literal(shapesGraph, t.getObject(), MESSAGE)));
            } else {
                core.add(t);
            }
        });
        this.coreShapes = Shapes.parse(core);
    }

    /** Every violation as "file:line: <focus> path: message", in the order core first, then SPARQL constraints. */
    List<String> validate(Model model, NodeLocator locator) {
        List<String> problems = new ArrayList<>();
        ValidationReport report = ShaclValidator.get().validate(coreShapes, model.getGraph());
        for (ReportEntry e : report.getEntries()) {
            String path = e.resultPath() == null ? "" : " " + e.resultPath() + ":";
            problems.add(problem(e.focusNode(), path, e.message(), locator));
        }
        Graph data = model.getGraph();
        // Several checks share a shape (and a class): each focus set and instance set is computed once.
        Map<Node, Set<Node>> focusOf = new HashMap<>();
        Map<Node, Set<Node>> instances = new HashMap<>();
        for (ClassCheck check : classChecks) {
            Set<Node> focus = focusOf.computeIfAbsent(check.shape(), shape -> focusNodes(data, shape));
            // SHACL's instances of a class: rdf:type the class or a class under it by rdfs:subClassOf*
            Set<Node> members = instances.computeIfAbsent(check.expectedClass(), c -> G.allNodesOfTypeRDFS(data, c));
            // Jena's report names the path as a SPARQL path: <iri>
            String path = " " + PathFactory.pathLink(check.predicate()) + ":";
            data.find(Node.ANY, check.predicate(), Node.ANY).forEach(t -> {
                if (focus.contains(t.getSubject()) && (t.getObject().isLiteral() || !members.contains(t.getObject())))
                    problems.add(problem(t.getSubject(), path, check.message(), locator));
            });
        }
        for (Check check : checks) {
            Set<Node> focus = focusOf.computeIfAbsent(check.shape(), shape -> focusNodes(data, shape));
            try (QueryExecution qe = QueryExecution.model(model).query(check.query()).build()) {
                ResultSet rows = qe.execSelect();
                Set<String> seen = new HashSet<>();
                while (rows.hasNext()) {
                    QuerySolution row = rows.next();
                    RDFNode self = row.get("this");
                    if (self == null || !focus.contains(self.asNode())) continue;
                    String p = problem(self.asNode(), "", fill(check.message(), row), locator);
                    if (seen.add(p)) problems.add(p);
                }
            }
        }
        return problems;
    }

    private Set<Node> focusNodes(Graph data, Node shapeNode) {
        for (Shape shape : allShapes) {
            if (shape.getShapeNode().equals(shapeNode)) {
                Collection<Node> nodes = VLib.focusNodes(data, shape);
                return new HashSet<>(nodes);
            }
        }
        return Set.of();
    }

    private static String problem(Node focusNode, String path, String message, NodeLocator locator) {
        String focus = focusNode.isURI() ? focusNode.getURI() : focusNode.toString();
        return locator.locate(focus, "(unlocated)") + ": <" + focus + ">" + path + " " + message;
    }

    /** SHACL message templates: {?var} (or {$var}) becomes the row's value. */
    private static String fill(String template, QuerySolution row) {
        Matcher m = TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            RDFNode value = row.get(m.group(1));
            String text = value == null ? "" : value.isLiteral() ? value.asLiteral().getLexicalForm()
                    : value.isURIResource() ? value.asResource().getURI() : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String prefixes(Graph shapes, Node constraint) {
        StringBuilder out = new StringBuilder();
        shapes.find(constraint, PREFIXES, Node.ANY).forEach(p ->
                shapes.find(p.getObject(), DECLARE, Node.ANY).forEach(d -> out.append("PREFIX ")
                        .append(literal(shapes, d.getObject(), PREFIX)).append(": <")
                        .append(literal(shapes, d.getObject(), NAMESPACE)).append(">\n")));
        return out.toString();
    }

    private static String literal(Graph g, Node subject, Node predicate) {
        List<Triple> found = g.find(subject, predicate, Node.ANY).toList();
        return found.isEmpty() ? "" : found.getFirst().getObject().getLiteralLexicalForm();
    }
}
