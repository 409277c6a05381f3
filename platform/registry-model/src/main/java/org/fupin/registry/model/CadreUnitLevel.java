package org.fupin.registry.model;

/** 帮扶单位级别 — level of the cadre's unit. */
public enum CadreUnitLevel implements Labelled {
    PROVINCE("省直", "province"),
    CITY("市直", "city"),
    COUNTY("县直", "county"),
    TOWNSHIP("乡镇", "township"),
    VILLAGE("村级", "village");

    private final LocalizedText label;

    CadreUnitLevel(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
