package org.crosswalk.sparql;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.query.text.TextQueryPF;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;

/**
 * jena-text's {@code text:query} with the search text checked before Lucene parses it. Lucene builds a
 * regular expression's automaton eagerly and without a bound on repetitions, so {@code /a{1,1000000}/}
 * keeps a core busy for minutes, past any query timeout (which is only checked between rows). Regular
 * expressions ({@code /…/} outside a quoted phrase) are therefore refused, as is text over
 * {@value #MAX_LENGTH} characters; words, phrases, boolean operators, prefix* and fuzzy~ work as before.
 */
final class GuardedTextQuery extends TextQueryPF {
    static final String URI = "http://jena.apache.org/text#query";
    static final PropertyFunctionFactory FACTORY = uri -> new GuardedTextQuery();
    static final int MAX_LENGTH = 1000;

    /** Constant search text is checked while the query is planned, before any result is sent. */
    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        checkArgs(null, object);
        super.build(subject, predicate, object, cxt);
    }

    /** Search text bound at run time (the REST API's VALUES parameters) is checked per binding. */
    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        checkArgs(binding, object);
        return super.exec(binding, subject, predicate, object, cxt);
    }

    private static void checkArgs(Binding binding, PropFuncArg object) {
        List<Node> args = object.isList() ? object.getArgList() : List.of(object.getArg());
        // jena-text's arguments: an optional property IRI, then the search text, then options (limit,
        // "lang:xx", "highlight:…" whose markup may hold a '/'): only the search text is checked.
        for (Node arg : args) {
            if (arg.isURI()) continue;
            Node n = !arg.isVariable() ? arg : binding == null ? null : binding.get(org.apache.jena.sparql.core.Var.alloc(arg));
            if (n != null && n.isLiteral()) check(n.getLiteralLexicalForm());
            return;
        }
    }

    static void check(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new TextIndexParseException(text, "the search text is longer than " + MAX_LENGTH + " characters");
        }
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (c == '/' && !quoted) {
                throw new TextIndexParseException(text, "regular expressions (/.../) are not supported; "
                        + "search for words, \"a phrase\", prefix* or fuzzy~, or escape the slash as \\/");
            }
        }
    }
}
