package org.fupin.program.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.fupin.registry.model.Household;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A program's demo activity: what the platform started with {@code --demo} files and walks through for the demo
 * county, so that a fresh start shows the program at work (applications in every state, payments over the years,
 * reports with numbers). Registered by the plugin with the service property {@link #PROGRAM}; the platform runs it
 * once for a county that has none of the program's applications, through the same checks as any filing and step
 * (form, rules, workflow, limits), each as of its date. Cases must follow from the candidates and the random alone,
 * so that every machine shows the same demo.
 */
@ConsumerType
public interface ProgramDemo {
    /** The service property naming the program, as for {@link ProgramRules}. */
    String PROGRAM = ProgramRules.PROGRAM;

    /**
     * The cases to file, oldest first.
     *
     * @param candidates the demo county's households the program finds eligible, in a fixed order, with the verdict
     * @param random     seeded: the same on every run
     * @param today      the platform's today; nothing may be dated after it
     */
    List<Case> cases(List<Candidate> candidates, Random random, LocalDate today);

    /**
     * The household fields the program sets before its candidates are found — an assessor's house safety grades, a
     * bank's credit ratings — by household id, then by field key ({@code housing.safetyGrade}). The platform sets them
     * as the demo staff, with the same checks as a request, then asks every household's eligibility. None by default.
     *
     * @param households every household of the demo county, in village order
     * @param random     seeded: the same on every run (then handed on to {@link #cases})
     * @param today      the platform's today
     */
    default Map<String, Map<String, Object>> householdFields(List<Household> households, Random random,
            LocalDate today) {
        return Map.of();
    }

    /**
     * The records of regions the program keeps before anyone applies — the relocation areas a county designated, its
     * settlement sites, a bank's credit ratings of households — which the platform creates and walks through as the
     * demo staff (each as of its dates, with the same checks as a request) after the household fields and before it
     * finds the candidates. Each names its {@code region}, or its {@code householdId}. None by default.
     *
     * @param households every household of the demo county, in village order
     * @param random     seeded: the same on every run (then handed on to {@link #cases})
     * @param today      the platform's today
     */
    default List<RecordCase> records(List<Household> households, Random random, LocalDate today) {
        return List.of();
    }

    /** An eligible household and the program's verdict on it (e.g. which members may apply). */
    record Candidate(Household household, Verdict verdict) {
    }

    /**
     * An application filed on {@code filedOn} with the application form's {@code data}, then its actions in order,
     * then the records that follow from it (attached to the application, or to its household, as their type says).
     * A case refused on the way stops there.
     */
    record Case(String householdId, LocalDate filedOn, Map<String, Object> data, List<Action> actions,
            List<RecordCase> records) {
        public Case {
            data = Map.copyOf(data);
            actions = List.copyOf(actions);
            records = List.copyOf(records);
        }

        /** A case without records of its own. */
        public Case(String householdId, LocalDate filedOn, Map<String, Object> data, List<Action> actions) {
            this(householdId, filedOn, data, actions, List.of());
        }
    }

    /**
     * A record created on {@code createdOn} with its form's {@code data}, then its actions and entries in order.
     *
     * @param region      the region of a region's record ({@link #records}); {@code null} otherwise
     * @param householdId the household of a household's or member's record made before any case (a bank's credit
     *                    rating, {@link #records}); {@code null} for a region's record or a case's own
     */
    record RecordCase(String type, String region, String householdId, LocalDate createdOn, Map<String, Object> data,
            List<RecordStep> steps) {
        public RecordCase {
            data = Map.copyOf(data);
            steps = List.copyOf(steps);
        }

        /** A region's record, or (with {@code region} {@code null}) a case's own. */
        public RecordCase(String type, String region, LocalDate createdOn, Map<String, Object> data,
                List<RecordStep> steps) {
            this(type, region, null, createdOn, data, steps);
        }
    }

    /**
     * A case's actions as a story tells them, in date order and none after today: the first action that would fall
     * after today ends the story there, and every later one is left out (the case stays where today finds it).
     */
    final class Timeline {
        private final LocalDate today;
        private final List<Action> actions = new java.util.ArrayList<>();
        private boolean ended;

        public Timeline(LocalDate today) {
            this.today = today;
        }

        /** Adds the action unless the story has ended or it falls after today; whether it was added. */
        public boolean add(String action, LocalDate on, Map<String, Object> data, String note) {
            if (ended || on.isAfter(today)) {
                ended = true;
                return false;
            }
            actions.add(new Action(action, on, data, note));
            return true;
        }

        /** The actions added so far, in order. */
        public List<Action> actions() {
            return List.copyOf(actions);
        }
    }

    /**
     * On {@code on}, one of the record type's actions ({@code entry} null) or a dated entry of one of its entry types
     * ({@code action} null), with its form's data and a note ({@code null} for none).
     */
    record RecordStep(String action, String entry, LocalDate on, Map<String, Object> data, String note) {
        public RecordStep {
            if ((action == null) == (entry == null)) {
                throw new IllegalArgumentException("a record step is an action or an entry");
            }
            data = data == null ? Map.of() : Map.copyOf(data);
        }

        public static RecordStep action(String action, LocalDate on, Map<String, Object> data, String note) {
            return new RecordStep(action, null, on, data, note);
        }

        public static RecordStep entry(String entry, LocalDate on, Map<String, Object> data, String note) {
            return new RecordStep(null, entry, on, data, note);
        }
    }

    /** A workflow action taken on {@code on}, with its form's data and the user's note ({@code null} for none). */
    record Action(String action, LocalDate on, Map<String, Object> data, String note) {
        public Action {
            data = data == null ? Map.of() : Map.copyOf(data);
        }
    }
}
