package org.fupin.program.api;

import java.util.List;

/**
 * A cross-program rule: taking one of {@code actions} (filing is {@value Step#FILE}) is refused while the same
 * household has an application of {@code program} in one of {@code states} — relocation (易地扶贫搬迁) and housing
 * renovation (危房改造) exclude each other. Enforced by the platform in the transaction that writes the step, so two
 * programs' filings racing for one household cannot both pass; the refusal names the other program's application.
 *
 * @param rule    stable id, e.g. {@code relocation.not-with-housing}
 * @param program the other program's id (it need not be installed: its stored applications count)
 * @param record  when given, the conflict is with the household's records of this type of {@code program} (which may
 *                be this program: no new loan while one is overdue) in one of {@code states}, not its applications
 */
public record Conflict(String rule, String program, List<String> states, List<String> actions, String record) {
    public Conflict(String rule, String program, List<String> states, List<String> actions) {
        this(rule, program, states, actions, null);
    }

    public Conflict {
        states = List.copyOf(states);
        actions = actions == null || actions.isEmpty() ? List.of(Step.FILE) : List.copyOf(actions);
    }
}
