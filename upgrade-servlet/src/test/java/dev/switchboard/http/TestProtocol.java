package dev.switchboard.http;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A protocol for negotiation tests: its tokens and requirements, nothing else. */
final class TestProtocol implements NegotiableProtocol {

    private final String name;
    private final List<ProtocolToken> tokens;
    private Set<String> connectionOptions = Set.of();
    private Set<String> fields = Set.of();
    private boolean acceptsContent;

    private TestProtocol(String name, List<ProtocolToken> tokens) {
        this.name = name;
        this.tokens = tokens;
    }

    /** A protocol answering to the given tokens, named after the first. */
    static TestProtocol answering(String... tokens) {
        return new TestProtocol(tokens[0], Arrays.stream(tokens).map(ProtocolToken::parse).toList());
    }

    TestProtocol requiringConnectionOptions(String... options) {
        this.connectionOptions = Set.of(options);
        return this;
    }

    TestProtocol requiringFields(String... names) {
        this.fields = Set.of(names);
        return this;
    }

    TestProtocol acceptingContent() {
        this.acceptsContent = true;
        return this;
    }

    @Override
    public List<ProtocolToken> tokens() {
        return tokens;
    }

    @Override
    public Set<String> requiredConnectionOptions() {
        return connectionOptions;
    }

    @Override
    public Set<String> requiredFields() {
        return fields;
    }

    @Override
    public boolean acceptsContent() {
        return acceptsContent;
    }

    @Override
    public String toString() {
        return name;
    }
}
