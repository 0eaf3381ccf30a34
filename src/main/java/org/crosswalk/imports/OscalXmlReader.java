package org.crosswalk.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OSCAL 1.x catalog in its XML form (namespace {@value #NS}) with StAX, so every group and
 * control keeps the line it starts on for error messages. DTDs and external entities are refused.
 */
final class OscalXmlReader {
    static final String NS = "http://csrc.nist.gov/ns/oscal/1.0";

    /** An element with its line, attributes and children (elements or text, in order). */
    private record X(String name, String ns, Map<String, String> attrs, List<Object> children, int line) {
        X child(String n) {
            for (Object o : children) if (o instanceof X x && x.name.equals(n)) return x;
            return null;
        }

        List<X> all(String n) {
            List<X> out = new ArrayList<>();
            for (Object o : children) if (o instanceof X x && x.name.equals(n)) out.add(x);
            return out;
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (Object o : children) sb.append(o instanceof X x ? x.text() : (String) o);
            return sb.toString().strip();
        }
    }

    /** Elements of a control or part that are not prose. */
    private static final Set<String> STRUCTURE = Set.of("title", "param", "prop", "link", "part", "control", "group");
    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr");

    private final String file;
    private final List<String> problems;
    private final Map<String, OscalCatalog.Param> params = new HashMap<>();

    private OscalXmlReader(String file, List<String> problems) {
        this.file = file;
        this.problems = problems;
    }

    static OscalCatalog read(InputStream in, String file, List<String> problems) {
        X root;
        try {
            root = parse(in);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNumber();
            problems.add(file + ":" + line + ": not well-formed XML: " + e.getMessage().replaceAll("^ParseError at \\[[^]]*]\\s*Message:\\s*", ""));
            return null;
        }
        return new OscalXmlReader(file, problems).catalog(root);
    }

    private static X parse(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = f.createXMLStreamReader(in);
        List<X> stack = new ArrayList<>();
        X root = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                Map<String, String> attrs = new HashMap<>();
                for (int i = 0; i < r.getAttributeCount(); i++) attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                X x = new X(r.getLocalName(), r.getNamespaceURI(), attrs, new ArrayList<>(), r.getLocation().getLineNumber());
                if (stack.isEmpty()) root = x;
                else stack.getLast().children().add(x);
                stack.add(x);
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                stack.removeLast();
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && !stack.isEmpty()) {
                stack.getLast().children().add(r.getText());
            }
        }
        return root;
    }

    private OscalCatalog catalog(X root) {
        if (root == null || !root.name().equals("catalog") || !NS.equals(root.ns())) {
            problems.add(file + ":" + (root == null ? 1 : root.line()) + ": not an OSCAL catalog: the root element must be <catalog xmlns=\""
                    + NS + "\">, found <" + (root == null ? "" : root.name()) + ">"
                    + (root != null && !NS.equals(root.ns()) ? " in namespace '" + root.ns() + "'" : ""));
            return null;
        }
        X metadata = root.child("metadata");
        X version = metadata == null ? null : metadata.child("oscal-version");
        if (version == null) {
            problems.add(file + ":" + (metadata == null ? root.line() : metadata.line())
                    + ": metadata/oscal-version is missing: an OSCAL document declares its OSCAL version");
            return null;
        }
        if (!OscalCatalog.SUPPORTED_VERSION.matcher(version.text()).matches()) {
            problems.add(file + ":" + version.line() + ": OSCAL version '" + version.text() + "' is not supported (1.0.x to 1.2.x)");
            return null;
        }
        List<OscalCatalog.Element> top = new ArrayList<>();
        elements(root, top);
        if (top.isEmpty()) problems.add(file + ":" + root.line() + ": the catalog has no groups and no controls");
        X title = metadata.child("title");
        return new OscalCatalog(root.attrs().get("uuid"), title == null ? null : title.text(), version.text(), top, params);
    }

    private void elements(X node, List<OscalCatalog.Element> out) {
        for (X p : node.all("param")) param(p);
        for (Object o : node.children()) {
            if (!(o instanceof X e) || !(e.name().equals("group") || e.name().equals("control"))) continue;
            String id = e.attrs().get("id");
            if (id == null || id.isBlank()) {
                problems.add(file + ":" + e.line() + ": a <" + e.name() + "> needs an id to be imported");
                continue;
            }
            X title = e.child("title");
            if (title == null || title.text().isBlank()) problems.add(file + ":" + e.line() + ": <" + e.name() + " id=\"" + id + "\"> has no title");
            List<OscalCatalog.Element> children = new ArrayList<>();
            elements(e, children);
            X statement = null;
            for (X part : e.all("part")) if ("statement".equals(part.attrs().get("name"))) statement = part;
            out.add(new OscalCatalog.Element(e.name().equals("group"), id, title == null ? null : title.text(), label(e),
                    statement == null ? null : part(statement), children, file + ":" + e.line()));
        }
    }

    private void param(X p) {
        String id = p.attrs().get("id");
        if (id == null) return;
        X label = p.child("label");
        X select = p.child("select");
        List<String> choices = new ArrayList<>();
        if (select != null) for (X c : select.all("choice")) choices.add(prose(c));
        params.put(id, new OscalCatalog.Param(id, label == null ? null : prose(label),
                select == null ? null : select.attrs().get("how-many"), choices));
    }

    private static String label(X e) {
        String any = null;
        for (X prop : e.all("prop")) {
            if (!"label".equals(prop.attrs().get("name"))) continue;
            if (!prop.attrs().containsKey("class")) return prop.attrs().get("value");
            if (any == null) any = prop.attrs().get("value");
        }
        return any;
    }

    private static OscalCatalog.Part part(X p) {
        List<OscalCatalog.Part> parts = new ArrayList<>();
        for (X c : p.all("part")) if ("item".equals(c.attrs().get("name"))) parts.add(part(c));
        StringBuilder prose = new StringBuilder();
        for (Object o : p.children()) {
            if (o instanceof X x && !STRUCTURE.contains(x.name())) prose.append(prose(x)).append(BLOCKS.contains(x.name()) ? "\n" : " ");
        }
        String text = prose.toString().strip();
        return new OscalCatalog.Part(label(p), text.isEmpty() ? null : text, parts);
    }

    /** Markup as plain text, with parameter inserts in the same form as the JSON prose. */
    private static String prose(X x) {
        if (x.name().equals("insert")) return "{{ insert: " + x.attrs().getOrDefault("type", "param") + ", " + x.attrs().get("id-ref") + " }}";
        StringBuilder sb = new StringBuilder();
        for (Object o : x.children()) {
            if (o instanceof X c) sb.append(prose(c)).append(BLOCKS.contains(c.name()) ? "\n" : "");
            else sb.append(((String) o).replaceAll("\\s+", " "));
        }
        return sb.toString().strip();
    }
}
