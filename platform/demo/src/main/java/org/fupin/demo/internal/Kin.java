package org.fupin.demo.internal;

import org.fupin.registry.model.Relation;
import org.fupin.registry.model.Sex;

/**
 * A household member before a name and ID number are given: relation to the head, sex, age today, and which
 * surname the person carries.
 */
record Kin(Relation relation, Sex sex, int age, Surname surname) {

    enum Surname {
        /** the head's own surname: the head, the head's father and siblings */
        HEAD,
        /** the surname the head's children carry: the father's, so a widowed head's late husband's */
        FAMILY,
        /** married in or unrelated: a surname of their own */
        OWN
    }
}
