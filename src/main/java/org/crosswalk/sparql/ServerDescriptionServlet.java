package org.crosswalk.sparql;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Read-only answers to the two admin calls the Fuseki UI makes to list datasets ({@code GET /$/server},
 * {@code GET /$/datasets[/name]}). Fuseki's own admin module would also accept dataset creation and
 * deletion, which a public read-only endpoint must not offer, so we describe our one dataset ourselves.
 */
final class ServerDescriptionServlet extends HttpServlet {
    private final String datasetJson;
    private final boolean wrapInServer;
    private final long started = System.currentTimeMillis();
    private final String startedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();

    ServerDescriptionServlet(String datasetPath, boolean wrapInServer) {
        this.wrapInServer = wrapInServer;
        this.datasetJson = """
                {"ds.name":"%s","ds.state":true,"ds.services":[\
                {"srv.type":"query","srv.description":"SPARQL Query","srv.endpoints":["sparql","query",""]},\
                {"srv.type":"gsp-r","srv.description":"Graph Store Protocol (Read)","srv.endpoints":["get",""]}]}"""
                .formatted(datasetPath);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        String body;
        if (wrapInServer) {
            // The UI prints "Version … Uptime …" from these (a missing uptime showed as "Uptime NaN").
            body = "{\"version\":\"crosswalk (read-only)\",\"startDateTime\":\"" + startedAt + "\",\"uptime\":"
                    + (System.currentTimeMillis() - started) / 1000 + ",\"datasets\":[" + datasetJson + "]}";
        } else if (path == null || path.equals("/")) {
            body = "{\"datasets\":[" + datasetJson + "]}";
        } else {
            body = datasetJson;
        }
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(body);
    }
}
