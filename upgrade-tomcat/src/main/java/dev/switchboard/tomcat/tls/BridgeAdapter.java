package dev.switchboard.tomcat.tls;

import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * The internal connector's adapter: before Tomcat's own (which maps the request to a web
 * application and runs it), gives each request the addresses of its {@link Bridge}.
 */
final class BridgeAdapter implements Adapter {

    private final Adapter delegate;

    BridgeAdapter(Adapter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void service(Request req, Response res) throws Exception {
        if (req.getNote(BridgeProcessor.NOTE) instanceof Bridge b) {
            req.remoteAddr().setString(b.clientAddress());
            req.peerAddr().setString(b.clientAddress());
            req.setRemotePort(b.clientPort());
            req.localAddr().setString(b.localAddress());
            req.localName().setString(b.localName());
            req.setLocalPort(b.localPort());
        }
        delegate.service(req, res);
    }

    @Override
    public boolean prepare(Request req, Response res) throws Exception {
        return delegate.prepare(req, res);
    }

    @Override
    public boolean asyncDispatch(Request req, Response res, SocketEvent status) throws Exception {
        return delegate.asyncDispatch(req, res, status);
    }

    @Override
    public void log(Request req, Response res, long time) {
        delegate.log(req, res, time);
    }

    @Override
    public void checkRecycled(Request req, Response res) {
        delegate.checkRecycled(req, res);
    }

    @Override
    public String getDomain() {
        return delegate.getDomain();
    }
}
