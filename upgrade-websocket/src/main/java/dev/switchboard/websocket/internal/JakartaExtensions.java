package dev.switchboard.websocket.internal;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.websocket.handshake.WebSocketExtension;
import jakarta.websocket.Extension;

/** {@link WebSocketExtension}s as the {@code jakarta.websocket.Extension}s a configurator returns. */
public final class JakartaExtensions {

    private JakartaExtensions() {
    }

    public static List<Extension> of(List<WebSocketExtension> extensions) {
        List<Extension> out = new ArrayList<>(extensions.size());
        for (WebSocketExtension e : extensions) {
            out.add(new Adapted(e));
        }
        return out;
    }

    private static final class Adapted implements Extension {
        private final String name;
        private final List<Extension.Parameter> parameters;

        Adapted(WebSocketExtension extension) {
            this.name = extension.name();
            List<Extension.Parameter> params = new ArrayList<>(extension.parameters().size());
            for (WebSocketExtension.Parameter p : extension.parameters()) {
                params.add(new Extension.Parameter() {
                    @Override
                    public String getName() {
                        return p.name();
                    }

                    @Override
                    public String getValue() {
                        return p.value();
                    }
                });
            }
            this.parameters = params;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public List<Extension.Parameter> getParameters() {
            return parameters;
        }

        @Override
        public String toString() {
            return name + parameters;
        }
    }
}
