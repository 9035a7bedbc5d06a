package dev.switchboard.bench.servlet;

import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Enumeration;
import java.util.EventListener;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.descriptor.JspConfigDescriptor;

/**
 * A {@link jakarta.servlet.ServletContext} whose every method throws; see {@link
 * UnsupportedRequest}.
 */
abstract class UnsupportedContext implements ServletContext {

    @Override
    public String getContextPath() {
        throw new UnsupportedOperationException("getContextPath");
    }

    @Override
    public ServletContext getContext(String a0) {
        throw new UnsupportedOperationException("getContext");
    }

    @Override
    public int getMajorVersion() {
        throw new UnsupportedOperationException("getMajorVersion");
    }

    @Override
    public int getMinorVersion() {
        throw new UnsupportedOperationException("getMinorVersion");
    }

    @Override
    public int getEffectiveMajorVersion() {
        throw new UnsupportedOperationException("getEffectiveMajorVersion");
    }

    @Override
    public int getEffectiveMinorVersion() {
        throw new UnsupportedOperationException("getEffectiveMinorVersion");
    }

    @Override
    public String getMimeType(String a0) {
        throw new UnsupportedOperationException("getMimeType");
    }

    @Override
    public Set<String> getResourcePaths(String a0) {
        throw new UnsupportedOperationException("getResourcePaths");
    }

    @Override
    public java.net.URL getResource(String a0) throws java.net.MalformedURLException {
        throw new UnsupportedOperationException("getResource");
    }

    @Override
    public InputStream getResourceAsStream(String a0) {
        throw new UnsupportedOperationException("getResourceAsStream");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String a0) {
        throw new UnsupportedOperationException("getRequestDispatcher");
    }

    @Override
    public RequestDispatcher getNamedDispatcher(String a0) {
        throw new UnsupportedOperationException("getNamedDispatcher");
    }

    @Override
    public void log(String a0) {
        throw new UnsupportedOperationException("log");
    }

    @Override
    public void log(String a0, Throwable a1) {
        throw new UnsupportedOperationException("log");
    }

    @Override
    public String getRealPath(String a0) {
        throw new UnsupportedOperationException("getRealPath");
    }

    @Override
    public String getServerInfo() {
        throw new UnsupportedOperationException("getServerInfo");
    }

    @Override
    public String getInitParameter(String a0) {
        throw new UnsupportedOperationException("getInitParameter");
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        throw new UnsupportedOperationException("getInitParameterNames");
    }

    @Override
    public boolean setInitParameter(String a0, String a1) {
        throw new UnsupportedOperationException("setInitParameter");
    }

    @Override
    public Object getAttribute(String a0) {
        throw new UnsupportedOperationException("getAttribute");
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        throw new UnsupportedOperationException("getAttributeNames");
    }

    @Override
    public void setAttribute(String a0, Object a1) {
        throw new UnsupportedOperationException("setAttribute");
    }

    @Override
    public void removeAttribute(String a0) {
        throw new UnsupportedOperationException("removeAttribute");
    }

    @Override
    public String getServletContextName() {
        throw new UnsupportedOperationException("getServletContextName");
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String a0, String a1) {
        throw new UnsupportedOperationException("addServlet");
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String a0, Servlet a1) {
        throw new UnsupportedOperationException("addServlet");
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String a0, Class<? extends Servlet> a1) {
        throw new UnsupportedOperationException("addServlet");
    }

    @Override
    public ServletRegistration.Dynamic addJspFile(String a0, String a1) {
        throw new UnsupportedOperationException("addJspFile");
    }

    @Override
    public <T extends Servlet> T createServlet(Class<T> a0) throws ServletException {
        throw new UnsupportedOperationException("createServlet");
    }

    @Override
    public ServletRegistration getServletRegistration(String a0) {
        throw new UnsupportedOperationException("getServletRegistration");
    }

    @Override
    public Map<String, ? extends ServletRegistration> getServletRegistrations() {
        throw new UnsupportedOperationException("getServletRegistrations");
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String a0, String a1) {
        throw new UnsupportedOperationException("addFilter");
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String a0, Filter a1) {
        throw new UnsupportedOperationException("addFilter");
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String a0, Class<? extends Filter> a1) {
        throw new UnsupportedOperationException("addFilter");
    }

    @Override
    public <T extends Filter> T createFilter(Class<T> a0) throws ServletException {
        throw new UnsupportedOperationException("createFilter");
    }

    @Override
    public FilterRegistration getFilterRegistration(String a0) {
        throw new UnsupportedOperationException("getFilterRegistration");
    }

    @Override
    public Map<String, ? extends FilterRegistration> getFilterRegistrations() {
        throw new UnsupportedOperationException("getFilterRegistrations");
    }

    @Override
    public SessionCookieConfig getSessionCookieConfig() {
        throw new UnsupportedOperationException("getSessionCookieConfig");
    }

    @Override
    public void setSessionTrackingModes(Set<SessionTrackingMode> a0) {
        throw new UnsupportedOperationException("setSessionTrackingModes");
    }

    @Override
    public Set<SessionTrackingMode> getDefaultSessionTrackingModes() {
        throw new UnsupportedOperationException("getDefaultSessionTrackingModes");
    }

    @Override
    public Set<SessionTrackingMode> getEffectiveSessionTrackingModes() {
        throw new UnsupportedOperationException("getEffectiveSessionTrackingModes");
    }

    @Override
    public void addListener(String a0) {
        throw new UnsupportedOperationException("addListener");
    }

    @Override
    public <T extends EventListener> void addListener(T a0) {
        throw new UnsupportedOperationException("addListener");
    }

    @Override
    public void addListener(Class<? extends EventListener> a0) {
        throw new UnsupportedOperationException("addListener");
    }

    @Override
    public <T extends EventListener> T createListener(Class<T> a0) throws ServletException {
        throw new UnsupportedOperationException("createListener");
    }

    @Override
    public jakarta.servlet.descriptor.JspConfigDescriptor getJspConfigDescriptor() {
        throw new UnsupportedOperationException("getJspConfigDescriptor");
    }

    @Override
    public ClassLoader getClassLoader() {
        throw new UnsupportedOperationException("getClassLoader");
    }

    @Override
    public void declareRoles(String... a0) {
        throw new UnsupportedOperationException("declareRoles");
    }

    @Override
    public String getVirtualServerName() {
        throw new UnsupportedOperationException("getVirtualServerName");
    }

    @Override
    public int getSessionTimeout() {
        throw new UnsupportedOperationException("getSessionTimeout");
    }

    @Override
    public void setSessionTimeout(int a0) {
        throw new UnsupportedOperationException("setSessionTimeout");
    }

    @Override
    public String getRequestCharacterEncoding() {
        throw new UnsupportedOperationException("getRequestCharacterEncoding");
    }

    @Override
    public void setRequestCharacterEncoding(String a0) {
        throw new UnsupportedOperationException("setRequestCharacterEncoding");
    }

    @Override
    public String getResponseCharacterEncoding() {
        throw new UnsupportedOperationException("getResponseCharacterEncoding");
    }

    @Override
    public void setResponseCharacterEncoding(String a0) {
        throw new UnsupportedOperationException("setResponseCharacterEncoding");
    }
}
