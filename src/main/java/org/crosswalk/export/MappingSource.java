package org.crosswalk.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.crosswalk.store.CrosswalkStore;

/**
 * Reads frameworks, curated mapping-set metadata and the mappings between two frameworks back from the
 * stored graph, so every export shows exactly what the endpoint and the API serve (derived mappings
 * included) rather than re-reading the TSV files.
 */
public final class MappingSource {
    private static final String PREFIXES = """
            PREFIX cw: <https://w3id.org/crosswalk/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX sssom: <https://w3id.org/sssom/>
            PREFIX pav: <http://purl.org/pav/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            """;

    /** Metadata of a curated mapping set, as loaded from its TSV header. */
    public record SetMetadata(String id, String title, String description, String version, String license,
            List<String> creators, String file) {}

    private final CrosswalkStore store;

    public MappingSource(CrosswalkStore store) {
        this.store = store;
    }

    public List<Framework> frameworks() {
        List<Framework> out = new ArrayList<>();
        select("""
                SELECT ?s ?id ?title ?edition WHERE { ?s a skos:ConceptScheme ; dcterms:identifier ?id .
                  OPTIONAL { ?s dcterms:title ?title } OPTIONAL { ?s cw:edition ?edition } } ORDER BY ?id""", Map.of(),
                r -> out.add(new Framework(str(r, "id"), r.getResource("s").getURI(), str(r, "title"), str(r, "edition"))));
        return out;
    }

    public Optional<Framework> framework(String id) {
        return frameworks().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The curated set whose subject and object sources are the two frameworks, if there is one. */
    public Optional<SetMetadata> curatedSet(Framework subject, Framework object) {
        List<SetMetadata> out = new ArrayList<>();
        select("""
                SELECT ?set ?title ?description ?version ?license ?file (GROUP_CONCAT(STR(?creator); SEPARATOR=" ") AS ?creators)
                WHERE { ?set a cw:MappingSet ; sssom:subject_source ?subject ; sssom:object_source ?object ; cw:sourceFile ?file .
                  OPTIONAL { ?set dcterms:title ?title } OPTIONAL { ?set dcterms:description ?description }
                  OPTIONAL { ?set owl:versionInfo ?version } OPTIONAL { ?set dcterms:license ?license }
                  OPTIONAL { ?set dcterms:creator ?creator } }
                GROUP BY ?set ?title ?description ?version ?license ?file""",
                Map.of("subject", subject.iri(), "object", object.iri()),
                r -> out.add(new SetMetadata(r.getResource("set").getURI(), str(r, "title"), str(r, "description"),
                        str(r, "version"), r.contains("license") ? r.getResource("license").getURI() : null,
                        str(r, "creators").isBlank() ? List.of() : Arrays.asList(str(r, "creators").split(" ")), str(r, "file"))));
        return out.stream().findFirst();
    }

    /** Every mapping from a requirement of {@code subject} to one of {@code object}, curated first, in document order. */
    public List<ExportedMapping> mappings(Framework subject, Framework object) {
        Map<String, ExportedMapping> out = new LinkedHashMap<>();
        select("""
                SELECT ?m ?s ?sId ?sNotation ?sLabel ?p ?mod ?o ?oId ?oNotation ?oLabel ?relation ?rationale ?strength ?justification
                       ?author ?date ?comment ?set ?via
                       (GROUP_CONCAT(DISTINCT STR(?see); SEPARATOR=" ") AS ?seeAlso)
                       (GROUP_CONCAT(DISTINCT STR(?from); SEPARATOR=" ") AS ?derivedFrom)
                WHERE {
                  ?m a cw:Mapping ; owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ;
                     cw:relation/cw:code ?relation ; cw:rationale/cw:code ?rationale ; cw:strength ?strength ;
                     sssom:mapping_justification ?justification ; rdfs:comment ?comment ; cw:inMappingSet ?set .
                  ?s skos:inScheme ?subject ; dcterms:identifier ?sId ; skos:notation ?sNotation ; skos:prefLabel ?sLabel ; cw:sortKey ?sKey .
                  ?o skos:inScheme ?object ; dcterms:identifier ?oId ; skos:notation ?oNotation ; skos:prefLabel ?oLabel ; cw:sortKey ?oKey .
                  OPTIONAL { ?m sssom:predicate_modifier ?mod }
                  OPTIONAL { ?m pav:authoredBy ?author } OPTIONAL { ?m pav:authoredOn ?date }
                  OPTIONAL { ?m rdfs:seeAlso ?see } OPTIONAL { ?m prov:wasDerivedFrom ?from } OPTIONAL { ?m cw:via ?via }
                }
                GROUP BY ?m ?s ?sId ?sNotation ?sLabel ?p ?mod ?o ?oId ?oNotation ?oLabel ?relation ?rationale ?strength
                         ?justification ?author ?date ?comment ?set ?via ?sKey ?oKey
                ORDER BY ?sKey ?oKey ?m""",
                Map.of("subject", subject.iri(), "object", object.iri()), r -> {
                    String from = str(r, "derivedFrom");
                    out.putIfAbsent(r.getResource("m").getURI(), new ExportedMapping(r.getResource("m").getURI(),
                            new ExportedMapping.Requirement(r.getResource("s").getURI(), str(r, "sId"), str(r, "sNotation"), str(r, "sLabel")),
                            r.getResource("p").getURI(), "Not".equals(str(r, "mod")),
                            new ExportedMapping.Requirement(r.getResource("o").getURI(), str(r, "oId"), str(r, "oNotation"), str(r, "oLabel")),
                            str(r, "relation"), str(r, "rationale"), r.getLiteral("strength").getInt(),
                            r.getResource("justification").getURI(),
                            r.contains("author") ? r.getResource("author").getURI() : null, str(r, "date"), str(r, "comment"),
                            str(r, "seeAlso").isBlank() ? List.of() : Arrays.asList(str(r, "seeAlso").split(" ")),
                            r.getResource("set").getURI(),
                            from.isBlank() ? List.of() : Arrays.asList(from.split(" ")),
                            r.contains("via") ? r.getResource("via").getURI() : null));
                });
        List<ExportedMapping> sorted = new ArrayList<>(out.values());
        sorted.sort(java.util.Comparator.comparing(m -> !m.curated())); // stable: curated rows first, then derived
        return sorted;
    }

    /**
     * The data version the graph itself records (cw:dataVersion): it follows a live reload of the data
     * (an import, an accepted suggestion), where the store's start-up version does not.
     */
    public String graphVersion() {
        List<String> out = new ArrayList<>();
        select("SELECT ?v WHERE { <https://w3id.org/crosswalk/dataset> cw:dataVersion ?v }", Map.of(), r -> out.add(str(r, "v")));
        return out.isEmpty() ? "" : out.get(0);
    }

    /**
     * The date the reference data last changed, as the data itself records it: the latest mapping date and
     * the latest issue or modification date of a framework. Exports print it instead of the clock, so the
     * same data always gives the same bytes. Empty when the data records no date at all.
     */
    public String dataDate() {
        List<String> out = new ArrayList<>();
        select("""
                SELECT (MAX(STR(?d)) AS ?date) WHERE {
                  { ?m a cw:Mapping ; pav:authoredOn ?d } UNION { ?s a skos:ConceptScheme ; dcterms:issued ?d }
                  UNION { ?s a skos:ConceptScheme ; dcterms:modified ?d } }""", Map.of(), r -> out.add(str(r, "date")));
        return out.isEmpty() ? "" : out.get(0);
    }

    /** A framework's requirements in document order, each with its parent and texts, for a catalog export. */
    public List<CatalogEntry> requirements(Framework framework) {
        List<CatalogEntry> out = new ArrayList<>();
        select("""
                SELECT ?r ?id ?notation ?label ?key ?parent ?type ?official ?description ?source WHERE {
                  ?r skos:inScheme ?scheme ; dcterms:identifier ?id ; skos:notation ?notation ; skos:prefLabel ?label ; cw:sortKey ?key .
                  OPTIONAL { ?r skos:broader ?parent }
                  OPTIONAL { ?r a ?type . FILTER(STRSTARTS(STR(?type), STR(cw:))) }
                  OPTIONAL { ?r cw:officialText ?official } OPTIONAL { ?r dcterms:description ?description }
                  OPTIONAL { ?r dcterms:source ?source }
                } ORDER BY ?key ?type""", Map.of("scheme", framework.iri()), r -> {
                    String iri = r.getResource("r").getURI();
                    if (!out.isEmpty() && out.get(out.size() - 1).iri().equals(iri)) return; // one row per requirement
                    out.add(new CatalogEntry(iri, str(r, "id"), str(r, "notation"), str(r, "label"), str(r, "key"),
                            r.contains("parent") ? r.getResource("parent").getURI() : null,
                            r.contains("type") ? r.getResource("type").getLocalName() : "", str(r, "official"),
                            str(r, "description"), r.contains("source") && r.get("source").isURIResource() ? r.getResource("source").getURI() : null));
                });
        return out;
    }

    /** One requirement as a catalog shows it. */
    public record CatalogEntry(String iri, String id, String notation, String label, String sortKey, String parent,
            String type, String officialText, String description, String source) {}

    /** Requirements of {@code framework} (leaves only) that no mapping of the pair touches on that side. */
    public List<ExportedMapping.Requirement> unmappedLeaves(Framework framework, List<ExportedMapping> mappings, boolean asSubject) {
        java.util.Set<String> mapped = new java.util.HashSet<>();
        for (ExportedMapping m : mappings) {
            if (!m.negated()) mapped.add(asSubject ? m.subject().iri() : m.object().iri());
        }
        List<ExportedMapping.Requirement> out = new ArrayList<>();
        select("""
                SELECT ?r ?id ?notation ?label WHERE { ?r skos:inScheme ?scheme ; dcterms:identifier ?id ; skos:notation ?notation ;
                  skos:prefLabel ?label ; cw:sortKey ?key . FILTER NOT EXISTS { ?child skos:broader ?r } } ORDER BY ?key""",
                Map.of("scheme", framework.iri()), r -> {
                    if (!mapped.contains(r.getResource("r").getURI())) {
                        out.add(new ExportedMapping.Requirement(r.getResource("r").getURI(), str(r, "id"), str(r, "notation"), str(r, "label")));
                    }
                });
        return out;
    }

    private void select(String query, Map<String, String> iris, java.util.function.Consumer<QuerySolution> each) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(PREFIXES + query);
        iris.forEach(pss::setIri);
        store.read(conn -> {
            conn.querySelect(pss.asQuery(), each);
            return null;
        });
    }

    private static String str(QuerySolution r, String var) {
        RDFNode n = r.get(var);
        if (n == null) return "";
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }
}
