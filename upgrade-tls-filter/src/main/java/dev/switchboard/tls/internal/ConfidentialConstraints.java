package dev.switchboard.tls.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import jakarta.servlet.ServletContext;

/**
 * Reads the {@code <security-constraint>}s of {@code WEB-INF/web.xml} whose
 * {@code <transport-guarantee>} is {@code CONFIDENTIAL} or {@code INTEGRAL} (Servlet 6.0
 * section 13.8), as {@link ProtectedResources.Rule}s. The Servlet API has no way to read
 * constraints back, so the descriptor is parsed; constraints from web fragments and
 * {@code @ServletSecurity} annotations are not seen. External DTDs and entities are never
 * loaded.
 */
public final class ConfidentialConstraints {

    private static final String WEB_XML = "/WEB-INF/web.xml";

    private ConfidentialConstraints() {
    }

    /**
     * The rules of the application's web.xml; empty when there is none.
     *
     * @throws IllegalArgumentException if web.xml exists but cannot be parsed
     */
    public static List<ProtectedResources.Rule> read(ServletContext context) {
        try (InputStream in = context.getResourceAsStream(WEB_XML)) {
            return in == null ? List.of() : read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + WEB_XML + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rules of one deployment descriptor.
     *
     * @throws IllegalArgumentException if the document cannot be parsed
     */
    public static List<ProtectedResources.Rule> read(InputStream webXml) {
        Element root;
        try {
            root = builder().parse(webXml).getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("Cannot parse " + WEB_XML + ": " + e.getMessage(), e);
        }
        List<ProtectedResources.Rule> rules = new ArrayList<>();
        for (Element constraint : children(root, "security-constraint")) {
            if (!requiresTls(constraint)) {
                continue;
            }
            for (Element collection : children(constraint, "web-resource-collection")) {
                List<String> patterns = texts(collection, "url-pattern");
                Set<String> methods = new LinkedHashSet<>(texts(collection, "http-method"));
                Set<String> omissions = new LinkedHashSet<>(texts(collection, "http-method-omission"));
                rules.add(new ProtectedResources.Rule(UrlPatterns.of(patterns), methods, omissions));
            }
        }
        return List.copyOf(rules);
    }

    private static boolean requiresTls(Element constraint) {
        for (Element data : children(constraint, "user-data-constraint")) {
            for (String guarantee : texts(data, "transport-guarantee")) {
                String g = guarantee.toUpperCase(Locale.ROOT);
                if (g.equals("CONFIDENTIAL") || g.equals("INTEGRAL")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // Old descriptors carry a DOCTYPE: allowed, but nothing external is ever loaded.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f.newDocumentBuilder();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(name(e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static List<String> texts(Element parent, String localName) {
        List<String> out = new ArrayList<>();
        for (Element e : children(parent, localName)) {
            out.add(e.getTextContent().trim());
        }
        return out;
    }
}
