package org.fupin.program.api;

import org.fupin.registry.model.LocalizedText;
import org.fupin.registry.model.RegionLevel;

/**
 * A workflow state.
 *
 * @param noticeParameter the parameter giving the days of the public notice (公示) that starts when an application
 *                        enters this state, or {@code null} when the state has no notice; transitions marked
 *                        {@link Transition#afterNotice()} wait until it is over
 * @param terminal        nothing leaves this state
 * @param noticeLevel     where the notice is posted — the village, the township or the county of the application
 *                        (两公示一公告: a village notice, a township notice, the county's announcement); VILLAGE by
 *                        default, {@code null} without a notice
 * @param announcement    the notice is the county's announcement (公告), the last publication, rather than a 公示
 * @param deadlineParameter the INTEGER parameter giving the working days (工作日, China's holidays and 调休 excluded)
 *                        an application may stay in this state: entering it sets the application's deadline, and
 *                        after that day it is overdue; {@code null} for no deadline
 */
public record State(String id, LocalizedText label, String noticeParameter, boolean terminal,
        RegionLevel noticeLevel, boolean announcement, String deadlineParameter) {
    public State(String id, LocalizedText label, String noticeParameter, boolean terminal) {
        this(id, label, noticeParameter, terminal, null, false, null);
    }

    public State(String id, LocalizedText label, String noticeParameter, boolean terminal, RegionLevel noticeLevel,
            boolean announcement) {
        this(id, label, noticeParameter, terminal, noticeLevel, announcement, null);
    }

    public State {
        if (noticeParameter != null && noticeLevel == null) {
            noticeLevel = RegionLevel.VILLAGE;
        }
    }

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
