package org.crosswalk.queries;

import java.util.List;
import java.util.Optional;

import org.apache.jena.query.Query;

/**
 * A documented SPARQL query from {@code queries/}: the single source of truth for one question,
 * run as-is by analysts and with bound parameters by the REST API.
 *
 * @param name    file name without .rq
 * @param title   one line
 * @param answers what question it answers
 * @param example how to call it
 * @param text    the file as written
 * @param query   the parsed query (a template: never executed directly, see {@link ParameterBinder})
 */
public record NamedQuery(String name, String title, String answers, List<QueryParameter> parameters,
        String example, String text, Query query) {

    public Optional<QueryParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
