package org.fupin.demo.internal;

import static org.fupin.registry.model.Relation.DAUGHTER;
import static org.fupin.registry.model.Relation.DAUGHTER_IN_LAW;
import static org.fupin.registry.model.Relation.GRANDCHILD;
import static org.fupin.registry.model.Relation.HEAD;
import static org.fupin.registry.model.Relation.PARENT;
import static org.fupin.registry.model.Relation.SIBLING;
import static org.fupin.registry.model.Relation.SON;
import static org.fupin.registry.model.Relation.SON_IN_LAW;
import static org.fupin.registry.model.Relation.SPOUSE;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.fupin.demo.internal.Kin.Surname;
import org.fupin.registry.model.Relation;
import org.fupin.registry.model.Sex;

/**
 * Fills a household of a given size around its head with relatives whose ages fit their relation: a spouse of
 * the opposite sex within a few years, children born when both parents were 20–40, grandchildren of a married
 * child living at home, the head's parents, and siblings when nobody else fits.
 */
final class FamilyComposer {
    private static final int OLDEST = 95;

    private final SplittableRandom random;
    private final int size;
    private final List<Kin> members = new ArrayList<>();

    private FamilyComposer(SplittableRandom random, int size) {
        this.random = random;
        this.size = size;
    }

    /** The members, head first; {@code headAge} at least 28 so that every relation can be placed. */
    static List<Kin> compose(SplittableRandom random, int size, int headAge, Sex headSex) {
        return new FamilyComposer(random, size).compose(new Kin(HEAD, headSex, headAge, Surname.HEAD));
    }

    private List<Kin> compose(Kin head) {
        members.add(head);
        Kin spouse = free() > 0 && random.nextDouble() < spouseChance(head) ? addSpouse(head) : null;
        boolean parentsAdded = false;
        if (free() > 1 && head.age() <= 55 && random.nextDouble() < 0.3) {
            addParents(head, random.nextDouble() < 0.3 ? 2 : 1);
            parentsAdded = true;
        }
        int youngerParent = spouse == null ? head.age() : Math.min(head.age(), spouse.age());
        int olderParent = spouse == null ? head.age() : Math.max(head.age(), spouse.age());
        Ladder children = new Ladder(youngerParent - 20 - random.nextInt(5), olderParent - 40);
        Ladder grandchildren = new Ladder(-1, 0);
        boolean childOldEnoughToMarry = children.hasNext() && children.peek() >= 22;
        if (free() >= 3 && childOldEnoughToMarry && random.nextDouble() < (head.age() >= 50 ? 0.85 : 0.5)) {
            grandchildren = addMarriedChild(children.next());
            for (int wanted = 1 + random.nextInt(3); wanted > 0 && free() > 0 && grandchildren.hasNext(); wanted--) {
                add(GRANDCHILD, randomSex(), grandchildren.next(), Surname.FAMILY);
            }
        }
        while (free() > 0 && children.hasNext()) {
            int age = children.next();
            Sex sex = randomSex();
            // Grown children mostly married out or set up their own households (分户).
            if (age < 25 || random.nextDouble() < (sex == Sex.MALE ? 0.35 : 0.1)) {
                add(sex == Sex.MALE ? SON : DAUGHTER, sex, age, Surname.FAMILY);
            }
        }
        while (free() > 0 && grandchildren.hasNext()) {
            add(GRANDCHILD, randomSex(), grandchildren.next(), Surname.FAMILY);
        }
        if (free() > 0 && !parentsAdded && head.age() <= 70) {
            addParents(head, Math.min(free(), random.nextDouble() < 0.3 ? 2 : 1));
        }
        while (free() > 0) {
            // Typically an unmarried brother, or a disabled sister, who stayed with the family.
            int age = Math.max(16, Math.min(OLDEST, head.age() - 12 + random.nextInt(25)));
            add(SIBLING, random.nextDouble() < 0.7 ? Sex.MALE : Sex.FEMALE, age, Surname.HEAD);
        }
        return members;
    }

    private double spouseChance(Kin head) {
        if (head.sex() == Sex.FEMALE) {
            return 0.25; // most women heading a poor household are widowed or divorced
        }
        return head.age() < 60 ? 0.92 : head.age() < 70 ? 0.82 : 0.65;
    }

    private Kin addSpouse(Kin head) {
        int gap = random.nextInt(-2, 7);
        int age = Math.min(OLDEST, Math.max(20, head.sex() == Sex.MALE ? head.age() - gap : head.age() + gap));
        Surname surname = head.sex() == Sex.MALE ? Surname.OWN : Surname.FAMILY;
        return add(SPOUSE, opposite(head.sex()), age, surname);
    }

    private void addParents(Kin head, int count) {
        int motherAge = head.age() + 20 + random.nextInt(13);
        if (motherAge > OLDEST) {
            return;
        }
        if (count == 1) {
            // Women live longer: a parent living alone with a child is usually the mother.
            boolean mother = random.nextDouble() < 0.7;
            add(PARENT, mother ? Sex.FEMALE : Sex.MALE, motherAge, mother ? Surname.OWN : Surname.HEAD);
        } else {
            add(PARENT, Sex.MALE, Math.min(OLDEST, motherAge + random.nextInt(5)), Surname.HEAD);
            add(PARENT, Sex.FEMALE, motherAge, Surname.OWN);
        }
    }

    /** The eldest child with a spouse; returns the ladder of their children's ages. */
    private Ladder addMarriedChild(int age) {
        boolean son = random.nextDouble() < 0.88; // 上门女婿 (a son-in-law moving in) is the exception
        add(son ? SON : DAUGHTER, son ? Sex.MALE : Sex.FEMALE, age, Surname.FAMILY);
        int inLawAge = Math.max(20, son ? age - random.nextInt(4) : age + random.nextInt(4));
        add(son ? DAUGHTER_IN_LAW : SON_IN_LAW, son ? Sex.FEMALE : Sex.MALE, inLawAge, Surname.OWN);
        return new Ladder(Math.min(age, inLawAge) - 20 - random.nextInt(5), Math.max(age, inLawAge) - 40);
    }

    private Kin add(Relation relation, Sex sex, int age, Surname surname) {
        Kin kin = new Kin(relation, sex, age, surname);
        members.add(kin);
        return kin;
    }

    private int free() {
        return size - members.size();
    }

    private Sex randomSex() {
        return random.nextDouble() < 0.52 ? Sex.MALE : Sex.FEMALE;
    }

    private static Sex opposite(Sex sex) {
        return sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
    }

    /** Ages of siblings, eldest first, two to five years apart, never below {@code floor} or below 0. */
    private final class Ladder {
        private int nextAge;
        private final int floor;

        Ladder(int top, int floor) {
            this.nextAge = top;
            this.floor = Math.max(0, floor);
        }

        boolean hasNext() {
            return nextAge >= floor;
        }

        int peek() {
            return nextAge;
        }

        int next() {
            int age = nextAge;
            nextAge -= 2 + random.nextInt(4);
            return age;
        }
    }
}
