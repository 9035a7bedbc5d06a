package dev.switchboard.bench.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An {@link jakarta.servlet.http.HttpServletResponse} whose every method throws; see {@link
 * UnsupportedRequest}.
 */
abstract class UnsupportedResponse implements HttpServletResponse {

    @Override
    public void addCookie(Cookie a0) {
        throw new UnsupportedOperationException("addCookie");
    }

    @Override
    public boolean containsHeader(String a0) {
        throw new UnsupportedOperationException("containsHeader");
    }

    @Override
    public String encodeURL(String a0) {
        throw new UnsupportedOperationException("encodeURL");
    }

    @Override
    public String encodeRedirectURL(String a0) {
        throw new UnsupportedOperationException("encodeRedirectURL");
    }

    @Override
    public void sendError(int a0, String a1) throws IOException {
        throw new UnsupportedOperationException("sendError");
    }

    @Override
    public void sendError(int a0) throws IOException {
        throw new UnsupportedOperationException("sendError");
    }

    @Override
    public void sendRedirect(String a0, int a1, boolean a2) throws IOException {
        throw new UnsupportedOperationException("sendRedirect");
    }

    @Override
    public void setDateHeader(String a0, long a1) {
        throw new UnsupportedOperationException("setDateHeader");
    }

    @Override
    public void addDateHeader(String a0, long a1) {
        throw new UnsupportedOperationException("addDateHeader");
    }

    @Override
    public void setHeader(String a0, String a1) {
        throw new UnsupportedOperationException("setHeader");
    }

    @Override
    public void addHeader(String a0, String a1) {
        throw new UnsupportedOperationException("addHeader");
    }

    @Override
    public void setIntHeader(String a0, int a1) {
        throw new UnsupportedOperationException("setIntHeader");
    }

    @Override
    public void addIntHeader(String a0, int a1) {
        throw new UnsupportedOperationException("addIntHeader");
    }

    @Override
    public void setStatus(int a0) {
        throw new UnsupportedOperationException("setStatus");
    }

    @Override
    public int getStatus() {
        throw new UnsupportedOperationException("getStatus");
    }

    @Override
    public String getHeader(String a0) {
        throw new UnsupportedOperationException("getHeader");
    }

    @Override
    public Collection<String> getHeaders(String a0) {
        throw new UnsupportedOperationException("getHeaders");
    }

    @Override
    public Collection<String> getHeaderNames() {
        throw new UnsupportedOperationException("getHeaderNames");
    }

    @Override
    public String getCharacterEncoding() {
        throw new UnsupportedOperationException("getCharacterEncoding");
    }

    @Override
    public String getContentType() {
        throw new UnsupportedOperationException("getContentType");
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        throw new UnsupportedOperationException("getOutputStream");
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        throw new UnsupportedOperationException("getWriter");
    }

    @Override
    public void setCharacterEncoding(String a0) {
        throw new UnsupportedOperationException("setCharacterEncoding");
    }

    @Override
    public void setContentLength(int a0) {
        throw new UnsupportedOperationException("setContentLength");
    }

    @Override
    public void setContentLengthLong(long a0) {
        throw new UnsupportedOperationException("setContentLengthLong");
    }

    @Override
    public void setContentType(String a0) {
        throw new UnsupportedOperationException("setContentType");
    }

    @Override
    public void setBufferSize(int a0) {
        throw new UnsupportedOperationException("setBufferSize");
    }

    @Override
    public int getBufferSize() {
        throw new UnsupportedOperationException("getBufferSize");
    }

    @Override
    public void flushBuffer() throws IOException {
        throw new UnsupportedOperationException("flushBuffer");
    }

    @Override
    public void resetBuffer() {
        throw new UnsupportedOperationException("resetBuffer");
    }

    @Override
    public boolean isCommitted() {
        throw new UnsupportedOperationException("isCommitted");
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("reset");
    }

    @Override
    public void setLocale(Locale a0) {
        throw new UnsupportedOperationException("setLocale");
    }

    @Override
    public Locale getLocale() {
        throw new UnsupportedOperationException("getLocale");
    }
}
