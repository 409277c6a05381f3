package org.fupin.plugin.testkit;

import org.fupin.registry.model.HealthStatus;
import org.fupin.registry.model.LabourAbility;
import org.fupin.registry.model.Member;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.SchoolStatus;
import org.fupin.registry.model.Sex;

/** A household member for rule tests: what a rule usually looks at, the rest left empty. */
public final class MemberFixture {
    private final String id;
    private final String name;
    private final Integer age;
    private Relation relation = Relation.SON;
    private Sex sex = Sex.MALE;
    private SchoolStatus school = SchoolStatus.NOT_IN_SCHOOL;
    private HealthStatus health = HealthStatus.HEALTHY;
    private LabourAbility labour = LabourAbility.ORDINARY;
    private String idNumber;
    private String disabilityCertificate;
    private boolean subsistenceAllowance;

    MemberFixture(String id, String name, Integer age) {
        this.id = id;
        this.name = name;
        this.age = age;
    }

    public MemberFixture relation(Relation value) {
        relation = value;
        return this;
    }

    public MemberFixture sex(Sex value) {
        sex = value;
        return this;
    }

    public MemberFixture school(SchoolStatus value) {
        school = value;
        return this;
    }

    public MemberFixture health(HealthStatus value) {
        health = value;
        return this;
    }

    public MemberFixture labour(LabourAbility value) {
        labour = value;
        return this;
    }

    /** The 18-character ID number, unmasked as rules see it; empty unless given. */
    public MemberFixture idNumber(String value) {
        idNumber = value;
        return this;
    }

    /** The 二代残疾人证号 (the ID number and two digits: category, grade); none unless given. */
    public MemberFixture disabilityCertificate(String value) {
        disabilityCertificate = value;
        return this;
    }

    /** Draws the subsistence allowance (低保); not unless given. */
    public MemberFixture subsistenceAllowance(boolean value) {
        subsistenceAllowance = value;
        return this;
    }

    public Member build() {
        return new Member(id, name, sex, idNumber, relation, "01", null, school, null, health, disabilityCertificate,
                labour, null, null, subsistenceAllowance, true, false, null, age);
    }
}
