package org.fupin.registry.model;

/** 与户主关系 — relation to the head. */
public enum Relation implements Labelled {
    HEAD("户主", "head of household"),
    SPOUSE("配偶", "spouse"),
    SON("子", "son"),
    DAUGHTER("女", "daughter"),
    DAUGHTER_IN_LAW("儿媳", "daughter-in-law"),
    SON_IN_LAW("女婿", "son-in-law"),
    GRANDCHILD("孙子女", "grandchild"),
    PARENT("父母", "parent"),
    SIBLING("兄弟姐妹", "sibling"),
    OTHER("其他", "other");

    private final LocalizedText label;

    Relation(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
