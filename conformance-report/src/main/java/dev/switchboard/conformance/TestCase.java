package dev.switchboard.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One {@code <testcase>} of a surefire/failsafe XML report.
 *
 * @param name the display name (the build reports phrased names)
 * @param className the display name of the test class
 * @param outcome how it ended
 */
record TestCase(String name, String className, Outcome outcome) {

    /** Declared in the order the report counts them. */
    enum Outcome { PASSED, FAILED, SKIPPED }

    static List<TestCase> parse(Path report) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            List<TestCase> out = new ArrayList<>(cases.getLength());
            for (int i = 0; i < cases.getLength(); i++) {
                Element tc = (Element) cases.item(i);
                Outcome outcome = tc.getElementsByTagName("failure").getLength() > 0
                        || tc.getElementsByTagName("error").getLength() > 0 ? Outcome.FAILED
                        : tc.getElementsByTagName("skipped").getLength() > 0 ? Outcome.SKIPPED : Outcome.PASSED;
                out.add(new TestCase(tc.getAttribute("name"), tc.getAttribute("classname"), outcome));
            }
            return out;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + report + ": " + e.getMessage(), e);
        }
    }
}
