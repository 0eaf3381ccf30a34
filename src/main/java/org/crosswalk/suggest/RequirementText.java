package org.crosswalk.suggest;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.ParameterizedSparqlString;
import org.crosswalk.store.CrosswalkStore;

/**
 * What the suggester compares: a requirement's title and its text (the official text where the source
 * may be quoted, our own summary for ISO), read from the store.
 */
public record RequirementText(String iri, String framework, String notation, String title, String text, boolean leaf) {

    /** Every requirement of a framework that has a title or text, in document order. */
    public static List<RequirementText> of(CrosswalkStore store, String frameworkId) {
        ParameterizedSparqlString q = new ParameterizedSparqlString("""
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                SELECT ?r ?n ?l ?d ?t (EXISTS { ?c skos:broader ?r } AS ?parent) WHERE {
                  ?f dcterms:identifier ?fid . ?r skos:inScheme ?f ; skos:notation ?n ; skos:prefLabel ?l .
                  OPTIONAL { ?r dcterms:description ?d } OPTIONAL { ?r cw:officialText ?t } OPTIONAL { ?r cw:sortKey ?k }
                } ORDER BY ?k""");
        q.setLiteral("fid", frameworkId);
        List<RequirementText> out = new ArrayList<>();
        store.readReference(conn -> {
            conn.querySelect(q.asQuery(), s -> {
                    String label = s.getLiteral("l").getLexicalForm();
                    String text = s.contains("t") ? s.getLiteral("t").getLexicalForm()
                            : s.contains("d") ? s.getLiteral("d").getLexicalForm() : "";
                    // EU paragraphs are titled by their notation only: the text is all there is.
                    String title = label.equals(s.getLiteral("n").getLexicalForm()) ? "" : label;
                    out.add(new RequirementText(s.getResource("r").getURI(), frameworkId, s.getLiteral("n").getLexicalForm(), title, text,
                            !s.getLiteral("parent").getBoolean()));
            });
            return null;
        });
        return out;
    }
}
