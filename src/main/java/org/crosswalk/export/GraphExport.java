package org.crosswalk.export;

import java.io.OutputStream;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.crosswalk.store.CrosswalkStore;

/**
 * The graph, or one framework of it, as Turtle or JSON-LD. One framework = its scheme, its requirements
 * with all their statements, and (optionally) the mappings that touch it with the reified mapping axioms.
 */
public final class GraphExport {
    public enum Format {
        TURTLE(RDFFormat.TURTLE_PRETTY, "text/turtle", "ttl"),
        JSONLD(RDFFormat.JSONLD11_PRETTY, "application/ld+json", "jsonld");

        public final RDFFormat rdf;
        public final String mediaType;
        public final String extension;

        Format(RDFFormat rdf, String mediaType, String extension) {
            this.rdf = rdf;
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Format of(String name) {
            return switch (name.toLowerCase()) {
                case "ttl", "turtle" -> TURTLE;
                case "jsonld", "json-ld" -> JSONLD;
                default -> throw new IllegalArgumentException("unknown graph format '" + name + "' (ttl, jsonld)");
            };
        }
    }

    private GraphExport() {}

    /** The whole graph when {@code framework} is null. */
    public static Model select(CrosswalkStore store, Framework framework, boolean withMappings) {
        var prefixes = store.prefixes();
        return store.read(conn -> {
            if (framework == null) {
                Model copy = ModelFactory.createDefaultModel().add(conn.fetch());
                copy.setNsPrefixes(prefixes);
                return copy;
            }
            ParameterizedSparqlString q = new ParameterizedSparqlString("""
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                    PREFIX owl: <http://www.w3.org/2002/07/owl#>
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                    CONSTRUCT { ?x ?p ?o } WHERE {
                      { BIND (?scheme AS ?x) } UNION { ?x skos:inScheme ?scheme }
                      UNION { FILTER (?withMappings) ?x a cw:Mapping . { ?x owl:annotatedSource ?r } UNION { ?x owl:annotatedTarget ?r } ?r skos:inScheme ?scheme }
                      ?x ?p ?o }""");
            q.setIri("scheme", framework.iri());
            q.setLiteral("withMappings", withMappings);
            try (QueryExecution qe = conn.query(q.asQuery())) {
                Model m = qe.execConstruct();
                m.setNsPrefixes(prefixes);
                return m;
            }
        });
    }

    public static void write(Model model, Format format, OutputStream out) {
        RDFDataMgr.write(out, model, format.rdf);
    }

    public static Lang lang(Format format) {
        return format.rdf.getLang();
    }
}
