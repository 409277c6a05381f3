package org.fupin.registry.model;

/** 务工状况 — migrant work. */
public enum WorkStatus implements Labelled {
    IN_TOWNSHIP("乡内务工", "working within the township"),
    IN_COUNTY("县内务工", "working within the county"),
    IN_PROVINCE("省内务工", "working within the province"),
    OUT_OF_PROVINCE("省外务工", "working outside the province"),
    NOT_WORKING("未务工", "not working away");

    private final LocalizedText label;

    WorkStatus(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
