package org.fupin.pairing.internal;

/** Names for the demo's unit contacts, leaders, cadres and team members: the n-th of a fixed, varied list. */
final class Names {
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋"
            + "杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔";
    private static final String[] GIVEN = {"建国", "志强", "海燕", "丽娟", "永福", "晓明", "文华", "春梅", "国庆", "红霞",
        "德胜", "玉兰", "军", "敏", "伟", "静", "磊", "芳", "涛", "娜", "刚", "燕", "斌", "霞", "鹏", "婷", "杰", "慧", "勇",
        "琳", "晓东", "亚军", "振华", "秀英", "学文", "雪梅", "建平", "小龙", "宏伟", "晓燕", "忠诚", "淑珍", "立新",
        "文静", "国强", "凤英", "东升", "佳怡", "明辉", "瑞霞", "天佑", "金花", "少华", "晓红", "正义", "桂兰"};

    private Names() {
    }

    /** The n-th name: surname and given name varying at different strides, so neighbours differ. */
    static String person(int n) {
        int index = Math.floorMod(n, SURNAMES.length() * GIVEN.length);
        return SURNAMES.charAt(index % SURNAMES.length()) + GIVEN[(index * 7 / SURNAMES.length() + index)
                % GIVEN.length];
    }
}
