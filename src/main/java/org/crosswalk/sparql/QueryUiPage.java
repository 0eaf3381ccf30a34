package org.crosswalk.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Fuseki UI's start page, as jena-fuseki-ui ships it plus one script of ours
 * ({@code /crosswalk-readonly.js}) that takes the write actions off a read-only endpoint's pages.
 * Also serves that script.
 */
final class QueryUiPage extends HttpServlet {
    static final String SCRIPT = "/crosswalk-readonly.js";
    private final byte[] index;
    private final byte[] script;

    QueryUiPage() {
        try (InputStream page = QueryUiPage.class.getClassLoader().getResourceAsStream("webapp/index.html");
                InputStream js = QueryUiPage.class.getClassLoader().getResourceAsStream("sparql-ui/crosswalk-readonly.js")) {
            if (page == null || js == null) throw new IllegalStateException("Fuseki UI or sparql-ui/crosswalk-readonly.js missing");
            String html = new String(page.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("</head>", "  <script src=\"." + SCRIPT + "\"></script>\n  </head>");
            index = html.getBytes(StandardCharsets.UTF_8);
            script = js.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean js = SCRIPT.equals(req.getServletPath());
        resp.setContentType(js ? "text/javascript;charset=UTF-8" : "text/html;charset=UTF-8");
        resp.getOutputStream().write(js ? script : index);
    }
}
