package org.crosswalk.sparql;

import java.util.Set;

import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * What an anonymous query may make this JVM do. ARQ out of the box lets a query fetch any URL
 * ({@code SERVICE <http://…>}), load any class on the classpath as a function ({@code <java:…>}), sleep
 * through the timeout ({@code afn:wait}), write to the server log ({@code afn:print}), and hand Lucene a
 * regular expression whose automaton takes minutes to build ({@code text:query "/a{1,1000000}/"}). On a
 * public endpoint these are request forgery, log forging and denial of service, so the dataset context
 * gets registries that answer only for functions registered up front (SPARQL's own, XPath's) and for a
 * list of ARQ's side-effect-free library functions, a guarded {@code text:query}
 * ({@link GuardedTextQuery}), and remote SERVICE calls switched off. The REST API's named queries run on
 * the same dataset, so both doors get the same rules.
 */
final class QueryLockdown {
    private QueryLockdown() {}

    private static final String AFN = "http://jena.apache.org/ARQ/function#";
    private static final String APF = "http://jena.apache.org/ARQ/property#";
    /** afn: functions that compute a value and nothing else (not print, wait, context, eval, execTime). */
    private static final Set<String> SAFE_AFN = Set.of("bnode", "collation", "date", "e", "evenInteger", "langeq",
            "localname", "max", "min", "namespace", "now", "nowtz", "pi", "sha1sum", "sprintf", "sqrt", "strjoin",
            "strlen", "struuid", "substr", "substring", "timezone", "uuid", "version");
    /** apf: property functions: all of them split, list or assign values. */
    private static final Set<String> SAFE_APF = Set.of("alt", "assign", "bag", "blankNode", "bnode", "concat",
            "container", "listIndex", "listLength", "listMember", "seq", "splitIRI", "splitURI", "str", "strSplit");

    static void apply(Context context) {
        context.set(Service.httpServiceAllowed, false);
        FunctionRegistry.set(context, new AllowedFunctionsOnly());
        PropertyFunctionRegistry.set(context, new AllowedPropertyFunctionsOnly());
    }

    static boolean allowedFunction(String uri, boolean registered) {
        return uri.startsWith(AFN) ? SAFE_AFN.contains(uri.substring(AFN.length())) : registered;
    }

    static boolean allowedPropertyFunction(String uri, boolean registered) {
        return uri.startsWith(APF) ? SAFE_APF.contains(uri.substring(APF.length())) : registered;
    }

    /** Delegates to the global registry, read at call time, but never loads an arbitrary class by its URI. */
    private static final class AllowedFunctionsOnly extends FunctionRegistry {
        @Override
        public FunctionFactory getFunctionFactory(String uri) {
            FunctionRegistry global = FunctionRegistry.get();
            return allowedFunction(uri, global.isRegistered(uri)) ? global.getFunctionFactory(uri) : null;
        }

        @Override
        public FunctionFactory get(String uri) {
            return getFunctionFactory(uri);
        }

        @Override
        public boolean isRegistered(String uri) {
            return getFunctionFactory(uri) != null;
        }
    }

    private static final class AllowedPropertyFunctionsOnly extends PropertyFunctionRegistry {
        @Override
        public boolean manages(String uri) {
            PropertyFunctionRegistry global = PropertyFunctionRegistry.get();
            return allowedPropertyFunction(uri, global.isRegistered(uri)) && global.manages(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            if (uri.equals(GuardedTextQuery.URI)) return GuardedTextQuery.FACTORY;
            PropertyFunctionRegistry global = PropertyFunctionRegistry.get();
            return allowedPropertyFunction(uri, global.isRegistered(uri)) ? global.get(uri) : null;
        }

        @Override
        public boolean isRegistered(String uri) {
            return manages(uri);
        }
    }
}
