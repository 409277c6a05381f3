package org.fupin.program.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.registry.model.Role;

/**
 * The states an application goes through and the actions that move it. Filing puts it in {@code initialState}; the
 * {@code filers} are the roles that may file (within their region), {@link #DEFAULT_FILERS} unless declared.
 */
public record Workflow(String initialState, Set<Role> filers, List<State> states, List<Transition> transitions) {
    /** Who files unless a program says otherwise: the roles that keep the register, and program officers. */
    public static final Set<Role> DEFAULT_FILERS = Set.of(Role.PROVINCE_ADMIN, Role.COUNTY_ADMIN,
            Role.PROGRAM_OFFICER, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CLERK);

    public Workflow(String initialState, List<State> states, List<Transition> transitions) {
        this(initialState, DEFAULT_FILERS, states, transitions);
    }

    public Workflow {
        filers = filers == null || filers.isEmpty() ? DEFAULT_FILERS : Set.copyOf(filers);
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
