package dev.switchboard.tomcat.tls;

import org.apache.coyote.Adapter;
import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * The internal connector's protocol: Tomcat's own HTTP/1.1 over NIO, whose connections are
 * accepted only from registered links ({@link BridgeProcessor}) and whose requests carry the
 * client's addresses and TLS session ({@link BridgeAdapter}).
 */
public final class BridgeProtocol extends Http11NioProtocol {

    private final Bridges bridges;

    BridgeProtocol(Bridges bridges) {
        this.bridges = bridges;
    }

    @Override
    public void setAdapter(Adapter adapter) {
        super.setAdapter(new BridgeAdapter(adapter));
    }

    @Override
    protected Processor createProcessor() {
        return new BridgeProcessor(this, getAdapter(), bridges);
    }
}
