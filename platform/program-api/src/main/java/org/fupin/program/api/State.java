package org.fupin.program.api;

import org.fupin.registry.model.LocalizedText;

/**
 * A workflow state.
 *
 * @param noticeParameter the parameter giving the days of the public notice (公示) that starts when an application
 *                        enters this state, or {@code null} when the state has no notice; transitions marked
 *                        {@link Transition#afterNotice()} wait until it is over
 * @param terminal        nothing leaves this state
 */
public record State(String id, LocalizedText label, String noticeParameter, boolean terminal) {
    public static State of(String id, LocalizedText label) {
        return new State(id, label, null, false);
    }

    public static State terminal(String id, LocalizedText label) {
        return new State(id, label, null, true);
    }

    public static State withNotice(String id, LocalizedText label, String noticeParameter) {
        return new State(id, label, noticeParameter, false);
    }
}
