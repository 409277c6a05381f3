package org.fupin.registry.model;

/** 角色 — what a user may do; where they may do it comes from their region (see the actor in the registry API). */
public enum Role implements Labelled {
    PROVINCE_ADMIN("省级管理员", "province administrator"),
    COUNTY_ADMIN("县级管理员", "county administrator"),
    PROGRAM_OFFICER("项目经办人", "program officer"),
    TOWNSHIP_OFFICER("乡镇干部", "township officer"),
    VILLAGE_CLERK("村级信息员", "village clerk"),
    PAIRED_CADRE("帮扶责任人", "paired cadre"),
    AUDITOR("审计员（只读）", "auditor (read only)");

    private final LocalizedText label;

    Role(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
