package org.crosswalk.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.DataValidationException;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.graph.Vocab;

/**
 * Imports a framework from an OSCAL 1.x catalog (JSON or XML) or a simple CSV (id, parent_id, title,
 * text): reads it, converts it to the project's SKOS form, validates it with the project's SHACL shapes,
 * and stores it as its own Turtle file, {@code <ontology>/frameworks/imported/<id>.ttl}.
 *
 * <p>Why a file: the catalogues are files under {@code ontology/} and the data version is a digest of
 * them, so an imported framework is data like the built-in ones — in the next build of the store, in
 * {@code validate}, in git — and nothing lives only in the store. After writing, the whole data set is
 * rebuilt and validated exactly as at start-up; if that fails the file is removed again. Every problem
 * names its place in the input ("file:line" or "file#/json/pointer"); on any problem nothing is stored.
 */
public final class FrameworkImporter {

    /** What the importer says about the framework; {@code title} and {@code source} may be null (taken from the catalog). */
    public record Options(String id, String title, String version, String source) {}

    /** The imported framework: where it is stored, its counts, and the rebuilt graph to serve. */
    public record Result(String id, String iri, Path file, int requirements, int topConcepts, int withText,
            GraphBuilder.BuiltGraph graph) {}

    public static final String IMPORTED_DIR = "frameworks/imported";
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    private final DataSources sources;
    private final long maxBytes;

    public FrameworkImporter(DataSources sources, long maxBytes) {
        this.sources = sources;
        this.maxBytes = maxBytes;
    }

    public Path importedDir() {
        return sources.ontologyDir().resolve(IMPORTED_DIR);
    }

    /** Imports a file; {@code progress} hears each step. */
    public Result importFile(Path file, Options options, Consumer<String> progress) {
        String name = file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read: " + e.getMessage());
        }
        checkSize(name, size);
        try {
            return importBytes(Files.readAllBytes(file), name, options, progress);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read: " + e.getMessage());
        }
    }

    public void checkSize(String name, long size) {
        if (size > maxBytes) {
            throw new ImportException(name + ": " + size + " bytes, above the import limit of " + maxBytes
                    + " bytes (crosswalk.max-import-size); nothing was read");
        }
    }

    /** Imports a catalogue held in memory (a REST body); {@code name} is the file name used in messages. */
    public synchronized Result importBytes(byte[] content, String name, Options options, Consumer<String> progress) {
        checkSize(name, content.length);
        List<String> problems = new ArrayList<>();
        checkOptions(options, problems);
        if (!problems.isEmpty()) throw new ImportException(problems);

        progress.accept("reading " + name);
        String format = format(name, content);
        List<ImportedFramework.Node> nodes;
        String title = options.title();
        String source = options.source();
        try (InputStream in = new ByteArrayInputStream(content)) {
            if (format.equals("csv")) {
                nodes = CsvCatalogueReader.read(in, name, problems);
                if (source == null) source = "urn:sha256:" + sha256(content);
            } else {
                OscalCatalog catalog = format.equals("json") ? OscalJsonReader.read(in, name, problems)
                        : OscalXmlReader.read(in, name, problems);
                if (catalog == null || !problems.isEmpty()) throw new ImportException(problems);
                nodes = catalog.nodes();
                if (title == null) title = catalog.title;
                if (source == null && catalog.uuid != null) source = "urn:uuid:" + catalog.uuid;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) throw new ImportException(problems);
        if (title == null || title.isBlank()) throw new ImportException(name + ": no title: give one (--title / title=)");
        if (source == null) source = "urn:sha256:" + sha256(content);

        progress.accept("checking " + nodes.size() + " requirements");
        ImportedFramework framework = new ImportedFramework(options.id(), title.strip(), options.version(), source, ordered(nodes, problems));
        checkCollisions(framework, name, problems);
        if (!problems.isEmpty()) throw new ImportException(problems);

        progress.accept("converting to SKOS");
        Map<String, String> whereOf = new HashMap<>();
        Model model = toSkos(framework, whereOf);

        progress.accept("validating with the SHACL shapes");
        validate(model, whereOf, problems);
        if (!problems.isEmpty()) throw new ImportException(problems);

        progress.accept("storing " + sources.displayName(target(framework.id())));
        Path target = store(model, framework);
        progress.accept("rebuilding and validating all data");
        GraphBuilder.BuiltGraph graph;
        try {
            graph = GraphBuilder.build(sources);
        } catch (DataValidationException e) {
            delete(target);
            throw new ImportException(e.problems());
        } catch (RuntimeException e) {
            delete(target);
            throw e;
        }
        int top = (int) nodes.stream().filter(n -> n.parentId() == null).count();
        int withText = (int) nodes.stream().filter(n -> n.text() != null).count();
        return new Result(framework.id(), schemeIri(framework), target, nodes.size(), top, withText, graph);
    }

    private Path target(String id) {
        return importedDir().resolve(id + ".ttl");
    }

    private static void checkOptions(Options o, List<String> problems) {
        if (o.id() == null || !ID.matcher(o.id()).matches()) {
            problems.add("id '" + o.id() + "': a framework id is lower case letters, digits and single hyphens (e.g. nist-sp-800-53)");
        }
        if (o.version() == null || !VERSION.matcher(o.version()).matches()) {
            problems.add("version '" + o.version() + "': an edition is letters, digits, '.', '_' or '-' (it becomes part of every requirement IRI)");
        }
        if (o.source() != null && !o.source().matches("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S+$")) {
            problems.add("source '" + o.source() + "': must be an absolute IRI (https://…, urn:…)");
        }
    }

    static String format(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) return "json";
        if (lower.endsWith(".xml")) return "xml";
        if (lower.endsWith(".csv")) return "csv";
        for (byte b : content) {
            if (Character.isWhitespace(b) || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) continue;
            return b == '{' || b == '[' ? "json" : b == '<' ? "xml" : "csv";
        }
        return "csv";
    }

    /** Parents before children, each parent's children in input order; reports duplicates, unknown parents, cycles. */
    private static List<ImportedFramework.Node> ordered(List<ImportedFramework.Node> nodes, List<String> problems) {
        Map<String, ImportedFramework.Node> byLocalId = new LinkedHashMap<>();
        Map<String, ImportedFramework.Node> byId = new HashMap<>();
        for (ImportedFramework.Node n : nodes) {
            ImportedFramework.Node earlier = byLocalId.putIfAbsent(localId(n.id()), n);
            if (earlier != null) {
                problems.add(n.where() + ": duplicate id '" + n.id() + "'" + (earlier.id().equals(n.id()) ? "" : " (same as '"
                        + earlier.id() + "' once made IRI-safe)") + ", first at " + earlier.where());
                continue;
            }
            byId.put(n.id(), n);
        }
        for (ImportedFramework.Node n : byLocalId.values()) {
            if (n.parentId() != null && !byId.containsKey(n.parentId())) {
                problems.add(n.where() + ": parent id '" + n.parentId() + "' of '" + n.id() + "' is not an id of this catalogue");
            }
        }
        if (!problems.isEmpty()) return List.of();
        Map<String, List<ImportedFramework.Node>> children = new LinkedHashMap<>();
        for (ImportedFramework.Node n : byLocalId.values()) children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
        List<ImportedFramework.Node> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ImportedFramework.Node n : children.getOrDefault(null, List.of())) walk(n, children, out, seen);
        for (ImportedFramework.Node n : byLocalId.values()) {
            if (!seen.contains(n.id())) problems.add(n.where() + ": '" + n.id() + "' is its own ancestor (a cycle of parent ids)");
        }
        return out;
    }

    private static void walk(ImportedFramework.Node n, Map<String, List<ImportedFramework.Node>> children,
            List<ImportedFramework.Node> out, Set<String> seen) {
        if (!seen.add(n.id())) return;
        out.add(n);
        for (ImportedFramework.Node c : children.getOrDefault(n.id(), List.of())) walk(c, children, out, seen);
    }

    /** The id as an IRI segment: characters outside letters, digits, '.', '_' and '-' become '-'. */
    static String localId(String id) {
        return id.strip().replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    private static String schemeIri(ImportedFramework f) {
        return "https://w3id.org/crosswalk/" + f.id() + "/" + f.version();
    }

    /** The id must be new: not a built-in or earlier imported framework, by short id or by scheme IRI. */
    private void checkCollisions(ImportedFramework f, String name, List<String> problems) {
        String scheme = schemeIri(f);
        for (Path ttl : sources.turtleFiles()) {
            Graph g;
            try {
                g = RDFParser.source(ttl).lang(Lang.TURTLE).toGraph();
            } catch (RiotException e) {
                continue; // the rebuild after storing reports broken data files
            }
            Model m = ModelFactory.createModelForGraph(g);
            m.listSubjectsWithProperty(RDF.type, Vocab.cw("Framework")).forEach(existing -> {
                String id = existing.hasProperty(DCTerms.identifier) ? existing.getProperty(DCTerms.identifier).getString() : null;
                if (f.id().equals(id) || scheme.equals(existing.getURI())) {
                    problems.add(name + ": framework id '" + f.id() + "' collides with the framework "
                            + existing.getURI() + " of " + sources.displayName(ttl)
                            + (ttl.startsWith(importedDir()) ? " (an earlier import: remove that file to replace it)" : "")
                            + "; choose another --id");
                }
            });
        }
    }

    private static Model toSkos(ImportedFramework f, Map<String, String> whereOf) {
        Model m = ModelFactory.createDefaultModel();
        String scheme = schemeIri(f);
        m.setNsPrefix("skos", SKOS.uri).setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("cw", Vocab.CW)
                .setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#").setNsPrefix(f.id().replace("-", ""), scheme + "/");
        Resource source = m.createResource(f.source());
        Resource s = m.createResource(scheme).addProperty(RDF.type, SKOS.ConceptScheme).addProperty(RDF.type, Vocab.cw("Framework"))
                .addProperty(DCTerms.identifier, f.id()).addProperty(DCTerms.title, f.title(), "en")
                .addProperty(Vocab.cwp("edition"), f.version()).addProperty(DCTerms.source, source);
        whereOf.put(scheme, "the framework options");
        Map<String, Integer> siblings = new HashMap<>();
        for (ImportedFramework.Node n : f.nodes()) {
            String iri = scheme + "/" + localId(n.id());
            whereOf.put(iri, n.where());
            int order = siblings.merge(String.valueOf(n.parentId()), 1, Integer::sum);
            String label = n.title() != null ? n.title() : n.notation();
            Resource r = m.createResource(iri).addProperty(RDF.type, SKOS.Concept).addProperty(RDF.type, Vocab.cw(n.kind()))
                    .addProperty(SKOS.inScheme, s).addProperty(DCTerms.identifier, localId(n.id()))
                    .addProperty(SKOS.notation, n.notation()).addProperty(SKOS.prefLabel, label.strip(), "en")
                    .addLiteral(Vocab.order, m.createTypedLiteral(order, XSDDatatype.XSDinteger));
            if (n.text() != null) r.addProperty(Vocab.officialText, n.text(), "en").addProperty(DCTerms.source, source);
            if (n.parentId() == null) {
                r.addProperty(SKOS.topConceptOf, s);
                s.addProperty(SKOS.hasTopConcept, r);
            } else {
                r.addProperty(SKOS.broader, m.createResource(scheme + "/" + localId(n.parentId())));
            }
        }
        return m;
    }

    /** The project's shapes over the vocabulary plus the new catalogue; each violation located in the input. */
    private void validate(Model imported, Map<String, String> whereOf, List<String> problems) {
        Model data = ModelFactory.createDefaultModel().add(imported);
        Path vocabulary = sources.ontologyDir().resolve("crosswalk.ttl");
        if (Files.exists(vocabulary)) RDFParser.source(vocabulary).lang(Lang.TURTLE).parse(data.getGraph());
        Shapes shapes = Shapes.parse(RDFParser.source(sources.shapesFile()).lang(Lang.TURTLE).toGraph());
        ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());
        for (ReportEntry e : report.getEntries()) {
            String focus = e.focusNode().isURI() ? e.focusNode().getURI() : e.focusNode().toString();
            String where = whereOf.getOrDefault(focus, focus);
            problems.add(where + ": " + e.message());
        }
    }

    private Path store(Model model, ImportedFramework f) {
        Path target = target(f.id());
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + f.id(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(("# " + f.title() + " (edition " + f.version() + "), imported by crosswalk import-framework from "
                        + f.source() + ".\n# Texts as the source publishes them; edit the source and import again rather than this file.\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                RDFDataMgr.write(out, model, RDFFormat.TURTLE_PRETTY);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
