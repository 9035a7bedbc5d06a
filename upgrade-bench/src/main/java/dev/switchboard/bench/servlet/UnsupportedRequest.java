package dev.switchboard.bench.servlet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.Principal;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;

/**
 * An {@link jakarta.servlet.http.HttpServletRequest} whose every method throws: the base of the
 * benchmarks' minimal request, so that a benchmark touching anything it did not mean to fails
 * loudly. Mechanically derived from the Servlet 6.1 interfaces (as Tomcat 11 bundles them).
 */
abstract class UnsupportedRequest implements HttpServletRequest {

    @Override
    public String getAuthType() {
        throw new UnsupportedOperationException("getAuthType");
    }

    @Override
    public Cookie[] getCookies() {
        throw new UnsupportedOperationException("getCookies");
    }

    @Override
    public long getDateHeader(String a0) {
        throw new UnsupportedOperationException("getDateHeader");
    }

    @Override
    public String getHeader(String a0) {
        throw new UnsupportedOperationException("getHeader");
    }

    @Override
    public Enumeration<String> getHeaders(String a0) {
        throw new UnsupportedOperationException("getHeaders");
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        throw new UnsupportedOperationException("getHeaderNames");
    }

    @Override
    public int getIntHeader(String a0) {
        throw new UnsupportedOperationException("getIntHeader");
    }

    @Override
    public String getMethod() {
        throw new UnsupportedOperationException("getMethod");
    }

    @Override
    public String getPathInfo() {
        throw new UnsupportedOperationException("getPathInfo");
    }

    @Override
    public String getPathTranslated() {
        throw new UnsupportedOperationException("getPathTranslated");
    }

    @Override
    public String getContextPath() {
        throw new UnsupportedOperationException("getContextPath");
    }

    @Override
    public String getQueryString() {
        throw new UnsupportedOperationException("getQueryString");
    }

    @Override
    public String getRemoteUser() {
        throw new UnsupportedOperationException("getRemoteUser");
    }

    @Override
    public boolean isUserInRole(String a0) {
        throw new UnsupportedOperationException("isUserInRole");
    }

    @Override
    public Principal getUserPrincipal() {
        throw new UnsupportedOperationException("getUserPrincipal");
    }

    @Override
    public String getRequestedSessionId() {
        throw new UnsupportedOperationException("getRequestedSessionId");
    }

    @Override
    public String getRequestURI() {
        throw new UnsupportedOperationException("getRequestURI");
    }

    @Override
    public StringBuffer getRequestURL() {
        throw new UnsupportedOperationException("getRequestURL");
    }

    @Override
    public String getServletPath() {
        throw new UnsupportedOperationException("getServletPath");
    }

    @Override
    public HttpSession getSession(boolean a0) {
        throw new UnsupportedOperationException("getSession");
    }

    @Override
    public HttpSession getSession() {
        throw new UnsupportedOperationException("getSession");
    }

    @Override
    public String changeSessionId() {
        throw new UnsupportedOperationException("changeSessionId");
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        throw new UnsupportedOperationException("isRequestedSessionIdValid");
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        throw new UnsupportedOperationException("isRequestedSessionIdFromCookie");
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        throw new UnsupportedOperationException("isRequestedSessionIdFromURL");
    }

    @Override
    public boolean authenticate(HttpServletResponse a0) throws IOException, ServletException {
        throw new UnsupportedOperationException("authenticate");
    }

    @Override
    public void login(String a0, String a1) throws ServletException {
        throw new UnsupportedOperationException("login");
    }

    @Override
    public void logout() throws ServletException {
        throw new UnsupportedOperationException("logout");
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        throw new UnsupportedOperationException("getParts");
    }

    @Override
    public Part getPart(String a0) throws IOException, ServletException {
        throw new UnsupportedOperationException("getPart");
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> a0) throws IOException, ServletException {
        throw new UnsupportedOperationException("upgrade");
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
    public String getCharacterEncoding() {
        throw new UnsupportedOperationException("getCharacterEncoding");
    }

    @Override
    public void setCharacterEncoding(String a0) throws UnsupportedEncodingException {
        throw new UnsupportedOperationException("setCharacterEncoding");
    }

    @Override
    public int getContentLength() {
        throw new UnsupportedOperationException("getContentLength");
    }

    @Override
    public long getContentLengthLong() {
        throw new UnsupportedOperationException("getContentLengthLong");
    }

    @Override
    public String getContentType() {
        throw new UnsupportedOperationException("getContentType");
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        throw new UnsupportedOperationException("getInputStream");
    }

    @Override
    public String getParameter(String a0) {
        throw new UnsupportedOperationException("getParameter");
    }

    @Override
    public Enumeration<String> getParameterNames() {
        throw new UnsupportedOperationException("getParameterNames");
    }

    @Override
    public String[] getParameterValues(String a0) {
        throw new UnsupportedOperationException("getParameterValues");
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        throw new UnsupportedOperationException("getParameterMap");
    }

    @Override
    public String getProtocol() {
        throw new UnsupportedOperationException("getProtocol");
    }

    @Override
    public String getScheme() {
        throw new UnsupportedOperationException("getScheme");
    }

    @Override
    public String getServerName() {
        throw new UnsupportedOperationException("getServerName");
    }

    @Override
    public int getServerPort() {
        throw new UnsupportedOperationException("getServerPort");
    }

    @Override
    public BufferedReader getReader() throws IOException {
        throw new UnsupportedOperationException("getReader");
    }

    @Override
    public String getRemoteAddr() {
        throw new UnsupportedOperationException("getRemoteAddr");
    }

    @Override
    public String getRemoteHost() {
        throw new UnsupportedOperationException("getRemoteHost");
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
    public Locale getLocale() {
        throw new UnsupportedOperationException("getLocale");
    }

    @Override
    public Enumeration<Locale> getLocales() {
        throw new UnsupportedOperationException("getLocales");
    }

    @Override
    public boolean isSecure() {
        throw new UnsupportedOperationException("isSecure");
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String a0) {
        throw new UnsupportedOperationException("getRequestDispatcher");
    }

    @Override
    public int getRemotePort() {
        throw new UnsupportedOperationException("getRemotePort");
    }

    @Override
    public String getLocalName() {
        throw new UnsupportedOperationException("getLocalName");
    }

    @Override
    public String getLocalAddr() {
        throw new UnsupportedOperationException("getLocalAddr");
    }

    @Override
    public int getLocalPort() {
        throw new UnsupportedOperationException("getLocalPort");
    }

    @Override
    public ServletContext getServletContext() {
        throw new UnsupportedOperationException("getServletContext");
    }

    @Override
    public AsyncContext startAsync() throws IllegalStateException {
        throw new UnsupportedOperationException("startAsync");
    }

    @Override
    public AsyncContext startAsync(ServletRequest a0, ServletResponse a1) throws IllegalStateException {
        throw new UnsupportedOperationException("startAsync");
    }

    @Override
    public boolean isAsyncStarted() {
        throw new UnsupportedOperationException("isAsyncStarted");
    }

    @Override
    public boolean isAsyncSupported() {
        throw new UnsupportedOperationException("isAsyncSupported");
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new UnsupportedOperationException("getAsyncContext");
    }

    @Override
    public DispatcherType getDispatcherType() {
        throw new UnsupportedOperationException("getDispatcherType");
    }

    @Override
    public String getRequestId() {
        throw new UnsupportedOperationException("getRequestId");
    }

    @Override
    public String getProtocolRequestId() {
        throw new UnsupportedOperationException("getProtocolRequestId");
    }

    @Override
    public ServletConnection getServletConnection() {
        throw new UnsupportedOperationException("getServletConnection");
    }
}
