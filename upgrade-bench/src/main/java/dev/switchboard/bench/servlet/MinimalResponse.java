package dev.switchboard.bench.servlet;

/**
 * A response that takes fields and a status and keeps the last of each, allocating nothing;
 * enough for a filter that passes a request on or advertises protocols.
 */
public final class MinimalResponse extends UnsupportedResponse {

    private int status = 200;
    private String lastName;
    private String lastValue;

    @Override
    public void setHeader(String name, String value) {
        lastName = name;
        lastValue = value;
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    /** The last field set, as {@code name: value}, for sanity checks outside the measured code. */
    public String lastField() {
        return lastName == null ? null : lastName + ": " + lastValue;
    }
}
