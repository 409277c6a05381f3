package org.fupin.program.api;

import java.util.List;
import java.util.Optional;

/** The states an application goes through and the actions that move it. Filing puts it in {@code initialState}. */
public record Workflow(String initialState, List<State> states, List<Transition> transitions) {
    public Workflow {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        for (Transition t : transitions) {
            if (state(t.to()).isEmpty() || t.from().stream().anyMatch(s -> state(s).isEmpty())) {
                throw new IllegalArgumentException("transition " + t.action() + " names an undeclared state");
            }
        }
        if (state(initialState).isEmpty()) {
            throw new IllegalArgumentException("initial state " + initialState + " is not declared");
        }
    }

    public Optional<State> state(String id) {
        return states.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Transition> transition(String action) {
        return transitions.stream().filter(t -> t.action().equals(action)).findFirst();
    }
}
