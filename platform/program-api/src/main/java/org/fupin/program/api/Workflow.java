package org.fupin.program.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The states an application goes through and the actions that move it. Filing puts it in {@code initialState}. */
public record Workflow(String initialState, List<State> states, List<Transition> transitions) {
    public Workflow {
        states = List.copyOf(states);
        transitions = List.copyOf(transitions);
        // the record's fields are not assigned yet: check against the parameters
        Set<String> declared = states.stream().map(State::id).collect(Collectors.toSet());
        for (Transition t : transitions) {
            if (!declared.contains(t.to()) || !declared.containsAll(t.from())) {
                throw new IllegalArgumentException("transition " + t.action() + " names an undeclared state");
            }
        }
        if (!declared.contains(initialState)) {
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
