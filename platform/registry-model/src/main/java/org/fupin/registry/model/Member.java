package org.fupin.registry.model;

import java.time.LocalDate;

/**
 * A household member (家庭成员). {@code id} is assigned by the registry and stays the same when the ID number is
 * corrected; {@code birthDate} and {@code age} are derived from the ID number and ignored on input.
 *
 * @param idNumber              居民身份证号 (GB 11643), stored upper-case, 18 characters
 * @param ethnicity             民族, GB/T 3304 two-digit code (see {@link Ethnicities})
 * @param schoolGrade           grade within the school stage (1–6 primary, 1–3 junior/senior secondary), if in one
 * @param disabilityCertificate 二代残疾人证号: the ID number followed by two digits (category 1–7, grade 1–4)
 * @param workMonths            months worked away from home in the year, 0–12
 */
public record Member(
        String id,
        String name,
        Sex sex,
        String idNumber,
        Relation relation,
        String ethnicity,
        Education education,
        SchoolStatus schoolStatus,
        Integer schoolGrade,
        HealthStatus health,
        String disabilityCertificate,
        LabourAbility labourAbility,
        WorkStatus workStatus,
        Integer workMonths,
        boolean subsistenceAllowance,
        boolean medicalInsurance,
        boolean pensionInsurance,
        LocalDate birthDate,
        Integer age) {

    public Member withId(String newId) {
        return new Member(newId, name, sex, idNumber, relation, ethnicity, education, schoolStatus, schoolGrade,
                health, disabilityCertificate, labourAbility, workStatus, workMonths, subsistenceAllowance,
                medicalInsurance, pensionInsurance, birthDate, age);
    }

    /** The same member with the normalised ID number and the facts derived from it. */
    public Member withIdentity(String normalisedIdNumber, LocalDate born, Integer ageNow) {
        return new Member(id, name, sex, normalisedIdNumber, relation, ethnicity, education, schoolStatus,
                schoolGrade, health, disabilityCertificate == null ? null : disabilityCertificate.toUpperCase(),
                labourAbility, workStatus, workMonths, subsistenceAllowance, medicalInsurance, pensionInsurance,
                born, ageNow);
    }
}
