package org.crosswalk.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before a request reaches Spring (a path with %zz, %00 or an encoded
 * slash), come as problem+json like every other error of the API instead of Tomcat's HTML page. The
 * host's error-report valve is replaced by one that writes a bare RFC 9457 problem: status, title and a
 * fixed detail, nothing from the request (the request was not parseable) and no server information.
 */
@Component
class ProblemJsonErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve) host.getPipeline().removeValve(v);
                }
                host.setErrorReportValveClass(ProblemJsonValve.class.getName());
            }
        });
    }

    /** After Spring Boot's own customizer, which installs a plain ErrorReportValve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    public static final class ProblemJsonValve extends ErrorReportValve {
        /** Tomcat answers a header section above its limit with 400; RFC 6585 has 431 for it. */
        static boolean headerTooLarge(Request request, Throwable throwable) {
            Object attr = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION);
            for (Object o : new Object[] {throwable, attr}) {
                for (Throwable t = o instanceof Throwable th ? th : null; t != null; t = t.getCause()) {
                    String m = String.valueOf(t.getMessage()).toLowerCase();
                    if (m.contains("header") && (m.contains("too large") || m.contains("too big"))) return true;
                }
            }
            return false;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) return;
            if (status == 400 && headerTooLarge(request, throwable)) {
                status = 431;
                response.setStatus(431);
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 431
                    ? "The request's headers are larger than the server accepts (server.max-http-request-header-size); send smaller headers."
                    : status == 400
                    ? "The request could not be parsed: check the URL's percent-encoding (no %00, no encoded '/' or '\\\\', UTF-8 only)."
                    : title + ".";
            try {
                response.setContentType("application/problem+json");
                // Answered before Spring Security: the same security headers as every other response.
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("X-Frame-Options", "DENY");
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("Content-Security-Policy", org.crosswalk.security.WebHeaders.CONTENT_SECURITY_POLICY);
                response.setCharacterEncoding("UTF-8");
                Writer w = response.getReporter();
                if (w != null) {
                    w.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the response was committed meanwhile: nothing more can be said.
            }
        }
    }
}
