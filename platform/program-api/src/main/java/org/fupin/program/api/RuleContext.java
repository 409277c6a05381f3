package org.fupin.program.api;

import java.time.LocalDate;
import java.util.List;

import org.fupin.registry.model.Household;
import org.fupin.registry.model.StatusChange;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a rule may look at, read-only and the same whoever asks: the household as the registry holds it now (members
 * with their full ID numbers, statuses, extensions of every program) and its status history, this program's
 * applications and records for the household, other programs' benefits to it, the parameters in force for its county (this
 * year's, or any year's), and today's date on the platform's clock.
 */
@ProviderType
public interface RuleContext {
    /** The household as stored, never masked for the user who asked; {@code null} for a region's record. */
    Household household();

    /**
     * The household's status changes, oldest first, with the dates they took effect: 新识别, 脱贫 (the exit year),
     * 返贫, monitoring, …
     */
    List<StatusChange> statusHistory();

    /** This program's applications for the household, oldest first, with their benefits; excludes the one judged. */
    List<Application> applications();

    /**
     * This program's records of one type that concern the household, oldest first: those attached to it, to one of
     * its members or its applications, and those of its village and of every region above it (a designated
     * relocation area of its village, a settlement site of its township or county). A rule reads them to refuse what
     * they rule out; like applications, they are read before the write, so a limit that must hold under concurrency
     * is declared, not counted here.
     *
     * @param type a record type the program declares
     */
    List<ProgramRecord> records(String type);

    /** Benefits of the household from other programs, oldest first. */
    List<Benefit> otherProgramBenefits();

    /** The parameters in force for the household's county this year. */
    Parameters parameters();

    /** The parameters in force for the household's county in another year (e.g. the year of a late-paid term). */
    Parameters parameters(int year);

    /** Today in China (Asia/Shanghai). */
    LocalDate today();
}
