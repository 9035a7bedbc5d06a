package dev.switchboard.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link SwitchboardConfigurationException} as its one-line reason and the action to take. */
final class SwitchboardFailureAnalyzer extends AbstractFailureAnalyzer<SwitchboardConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SwitchboardConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
