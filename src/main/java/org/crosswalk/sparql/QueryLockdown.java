package org.crosswalk.sparql;

import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * What an anonymous query may make this JVM do. ARQ out of the box lets a query fetch any URL
 * ({@code SERVICE <http://…>}) and load any class on the classpath as a function ({@code <java:…>},
 * and the {@code afn:}/{@code apf:} names that map onto it, {@code afn:wait} among them, which sleeps
 * through the query timeout). On a public endpoint both are a server-side request forgery and a
 * denial-of-service lever, so the dataset context gets registries that answer only for functions
 * registered up front (SPARQL's own, XPath's, jena-text's {@code text:query}) and for ARQ's own
 * {@code afn:}/{@code apf:} libraries other than {@code afn:wait}; remote SERVICE calls are switched off.
 */
final class QueryLockdown {
    private QueryLockdown() {}

    private static final java.util.List<String> ARQ_LIBRARIES = java.util.List.of(
            "http://jena.apache.org/ARQ/function#", "http://jena.apache.org/ARQ/property#");
    private static final String SLEEP = "http://jena.apache.org/ARQ/function#wait";

    /** Registered up front, or one of ARQ's own library functions (loaded on first use) that cannot stall a worker. */
    private static boolean allowed(String uri, boolean registered) {
        if (registered) return true;
        return ARQ_LIBRARIES.stream().anyMatch(uri::startsWith) && !uri.equals(SLEEP);
    }

    static void apply(Context context) {
        context.set(Service.httpServiceAllowed, false);
        FunctionRegistry.set(context, new RegisteredFunctionsOnly());
        PropertyFunctionRegistry.set(context, new RegisteredPropertyFunctionsOnly());
    }

    /** Delegates to the global registry, read at call time, but never loads an arbitrary class by its URI. */
    private static final class RegisteredFunctionsOnly extends FunctionRegistry {
        @Override
        public FunctionFactory getFunctionFactory(String uri) {
            FunctionRegistry global = FunctionRegistry.get();
            return allowed(uri, global.isRegistered(uri)) ? global.getFunctionFactory(uri) : null;
        }

        @Override
        public FunctionFactory get(String uri) {
            return getFunctionFactory(uri);
        }

        @Override
        public boolean isRegistered(String uri) {
            return allowed(uri, FunctionRegistry.get().isRegistered(uri)) && getFunctionFactory(uri) != null;
        }
    }

    private static final class RegisteredPropertyFunctionsOnly extends PropertyFunctionRegistry {
        @Override
        public boolean manages(String uri) {
            PropertyFunctionRegistry global = PropertyFunctionRegistry.get();
            return allowed(uri, global.isRegistered(uri)) && global.manages(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            PropertyFunctionRegistry global = PropertyFunctionRegistry.get();
            return allowed(uri, global.isRegistered(uri)) ? global.get(uri) : null;
        }

        @Override
        public boolean isRegistered(String uri) {
            return manages(uri);
        }
    }
}
