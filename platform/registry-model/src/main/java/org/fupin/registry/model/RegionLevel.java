package org.fupin.registry.model;

/** 区划级别 — region level. */
public enum RegionLevel implements Labelled {
    PROVINCE("省级", "province"),
    CITY("地级", "city"),
    COUNTY("县级", "county"),
    TOWNSHIP("乡级", "township"),
    VILLAGE("村级", "village");

    private final LocalizedText label;

    RegionLevel(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
