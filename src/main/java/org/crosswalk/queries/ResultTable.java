package org.crosswalk.queries;

import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.RDFNode;

/** The rows a named query returned, in order, with the query's projected columns. */
public record ResultTable(List<String> columns, List<Map<String, RDFNode>> rows) {
}
