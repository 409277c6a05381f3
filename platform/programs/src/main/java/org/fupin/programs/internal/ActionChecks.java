package org.fupin.programs.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.fupin.program.api.Transition;
import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;
import org.fupin.registry.model.Role;

/** What a person's action on an application or a record must satisfy, in the order the API documents. */
final class ActionChecks {
    private ActionChecks() {
    }

    /**
     * The declared action named {@code action}, when it may be taken from {@code state} by the actor (one of its
     * roles, at its level or above) with this {@code note}.
     *
     * @throws ValidationException  an unknown action (422 on {@code action}) or a missing reason (422 on {@code note})
     * @throws ConflictException    not from this state ({@code action_not_allowed})
     * @throws AccessDeniedException without one of its roles, or below its level
     */
    static Transition allowed(List<Transition> declared, String action, String state, String note, Actor actor) {
        Transition transition = declared.stream().filter(t -> t.action().equals(action)).findFirst().orElseThrow(() ->
                new ValidationException(List.of(new Violation("action", Texts.text("action.unknown", action,
                        declared.stream().map(Transition::action).collect(Collectors.joining(", ")))))));
        if (!transition.from().contains(state)) {
            throw new ConflictException("action_not_allowed", Texts.text("action.not-allowed", state, action));
        }
        if (!actor.hasAny(transition.roles().toArray(Role[]::new))) {
            throw new AccessDeniedException(Texts.text("action.role", action,
                    transition.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        }
        if (actor.level().map(level -> level.compareTo(transition.level()) > 0).orElse(false)) {
            throw new AccessDeniedException(Texts.text("action.level", action, transition.level().name()));
        }
        if (transition.reasonRequired() && (note == null || note.isBlank())) {
            throw new ValidationException(List.of(new Violation("note", Texts.text("note.required"))));
        }
        return transition;
    }
}
