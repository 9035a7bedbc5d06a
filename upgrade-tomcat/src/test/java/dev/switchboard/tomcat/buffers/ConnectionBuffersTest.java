package dev.switchboard.tomcat.buffers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionBuffersTest {

    private String saved;

    @BeforeEach
    void forgetTheWebSocketProperty() {
        saved = System.clearProperty(ConnectionBuffers.WEBSOCKET_PROPERTY);
    }

    @AfterEach
    void restoreTheWebSocketProperty() {
        if (saved == null) {
            System.clearProperty(ConnectionBuffers.WEBSOCKET_PROPERTY);
        } else {
            System.setProperty(ConnectionBuffers.WEBSOCKET_PROPERTY, saved);
        }
    }

    @Test
    void installingSizesTheConnectorsReadAndWriteBuffers() {
        Connector connector = new Connector("HTTP/1.1");
        ConnectionBuffers buffers = new ConnectionBuffers();
        buffers.setSocketBufferSize(4096);
        buffers.install(connector);
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo("4096");
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("4096");
    }

    @Test
    void theDefaultsAreTwoKibibytesEach() {
        Connector connector = new Connector("HTTP/1.1");
        new ConnectionBuffers().install(connector);
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo("2048");
        assertThat(System.getProperty(ConnectionBuffers.WEBSOCKET_PROPERTY)).isEqualTo("2048");
    }

    @Test
    void theListenerSizesTheBuffersWhenTheConnectorInitialises() {
        Connector connector = new Connector("HTTP/1.1");
        ConnectionBuffers buffers = new ConnectionBuffers();
        buffers.setSocketBufferSize(3072);
        buffers.lifecycleEvent(new LifecycleEvent(connector, Lifecycle.BEFORE_INIT_EVENT, null));
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo("3072");
    }

    @Test
    void aWebSocketBufferSizeGivenToTheJvmIsKept() {
        System.setProperty(ConnectionBuffers.WEBSOCKET_PROPERTY, "4096");
        new ConnectionBuffers().install(new Connector("HTTP/1.1"));
        assertThat(System.getProperty(ConnectionBuffers.WEBSOCKET_PROPERTY)).isEqualTo("4096");
    }

    @Test
    void aSizeBelowOneKibibyteIsRefusedNamingTheAttribute() {
        assertThatThrownBy(() -> new ConnectionBuffers().setSocketBufferSize(512))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("socketBufferSize: expected a size from 1024 to 1048576 bytes but was 512");
    }

    @Test
    void aWebSocketSizeAboveOneMebibyteIsRefusedNamingTheAttribute() {
        assertThatThrownBy(() -> new ConnectionBuffers().setWebSocketBufferSize(2 << 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("webSocketBufferSize: ");
    }

    @Test
    void aConnectorIsNotSizedAfterASetterRefusedAValue() {
        ConnectionBuffers buffers = new ConnectionBuffers();
        assertThatThrownBy(() -> buffers.setSocketBufferSize(100)).isInstanceOf(IllegalArgumentException.class);
        Connector connector = new Connector("HTTP/1.1");
        assertThatThrownBy(() -> buffers.lifecycleEvent(new LifecycleEvent(connector, Lifecycle.BEFORE_INIT_EVENT, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("socketBufferSize: expected a size from 1024 to 1048576 bytes but was 100");
    }
}
