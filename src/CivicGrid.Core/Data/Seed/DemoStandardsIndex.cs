using CivicGrid.Standards;

namespace CivicGrid.Data.Seed;

/// <summary>
/// The demo assessment index, in the manner of the field test (实地考察) items of the national civilized-city index:
/// 15 point categories and the standards that apply to each, every standard with the case category a failure becomes.
/// </summary>
internal static class DemoStandardsIndex
{
    public sealed record Category(string Code, string Name, PointShape Shape, string Description);

    public static readonly Category[] Categories =
    [
        new("ZCGD", "主次干道", PointShape.Line, "城市主干道、次干道，按路段（起止路口）设点"),
        new("SYDJ", "商业大街", PointShape.Line, "商业步行街、特色商业街区"),
        new("BJXX", "背街小巷", PointShape.Line, "居住区、商业区周边的小街小巷、胡同"),
        new("NMSC", "农贸市场（集贸市场）", PointShape.Point, "农贸市场、集贸市场、社区菜市场"),
        new("GGGC", "公共广场", PointShape.Point, "城市广场、文化广场"),
        new("GY", "公园", PointShape.Point, "综合公园、社区公园、郊野公园"),
        new("YY", "医院", PointShape.Point, "二级以上医院、社区卫生服务中心"),
        new("ZXXX", "中小学校", PointShape.Point, "小学、初中、高中及其周边 200 米"),
        new("GJZD", "公交站点", PointShape.Point, "公交车站（站亭、站牌及候车区）"),
        new("SQXQ", "社区（小区）", PointShape.Point, "城市社区、住宅小区、农村社区"),
        new("JZGD", "建筑工地", PointShape.Point, "在建工程施工现场及出入口"),
        new("ZWDT", "政务大厅", PointShape.Point, "政务服务中心、镇街便民服务中心"),
        new("WMSJ", "新时代文明实践站", PointShape.Point, "新时代文明实践所、站及学雷锋志愿服务站"),
        new("GCCS", "室外公共厕所", PointShape.Point, "独立设置的城市公共厕所、村公厕"),
        new("CXJH", "城乡接合部", PointShape.Point, "城乡接合部、城中村、村庄主要街巷"),
    ];

    private const ObservationKind PassFail = ObservationKind.PassFail;

    /// <summary>One standard: 项目, 内容, code, text, points, how observed, case category, point categories.</summary>
    public sealed record Item(
        string Project, string Content, string Code, string Text, decimal Points, ObservationKind Kind, string CaseCategory, string[] Categories,
        string? CountBasis = null, string? CountSubject = null, int? Threshold = null, int? MaxScore = null);

    private const string Sanitation = "城市环境卫生", Order = "公共秩序", Facilities = "公共设施", Publicity = "宣传氛围",
        Service = "窗口服务", Practice = "志愿服务与文明实践", Fringe = "城乡接合部整治";

    public static readonly Item[] Items =
    [
        // 城市环境卫生
        new(Sanitation, "道路与街巷保洁", "HJ-101", "路面干净整洁，无暴露垃圾、无积存污水、无卫生死角", 2, PassFail, "SJ0105", ["ZCGD", "SYDJ", "BJXX", "GGGC", "CXJH"]),
        new(Sanitation, "道路与街巷保洁", "HJ-102", "路面烟头、纸屑、果皮等废弃物少，500 米内不超过 5 个", 2, ObservationKind.Count, "SJ0105", ["ZCGD", "SYDJ", "BJXX"],
            "500 米内", "烟头、纸屑等废弃物（个）", 5),
        new(Sanitation, "道路与街巷保洁", "HJ-103", "果皮箱、垃圾桶完好洁净，垃圾不满溢、周边无散落", 1, PassFail, "SJ0102", ["ZCGD", "SYDJ", "BJXX", "GGGC", "GY", "GJZD"]),
        new(Sanitation, "道路与街巷保洁", "HJ-104", "无乱堆乱放杂物，无卫生死角", 1, PassFail, "SJ0104", ["BJXX", "SQXQ", "CXJH"]),
        new(Sanitation, "道路与街巷保洁", "HJ-105", "沿街建筑立面、围墙、电线杆干净，无乱涂乱画、乱贴小广告", 1, PassFail, "SJ0201", ["SYDJ", "BJXX", "SQXQ", "GJZD", "ZXXX"]),
        new(Sanitation, "垃圾分类与收运", "HJ-201", "生活垃圾分类桶站设置规范，分类标识清晰，桶站周边干净", 2, PassFail, "SJ0103", ["NMSC", "SQXQ", "YY", "ZXXX", "ZWDT"]),
        new(Sanitation, "垃圾分类与收运", "HJ-202", "垃圾日产日清，无积存、无异味、无暴露垃圾", 2, PassFail, "SJ0101", ["NMSC", "SQXQ", "JZGD", "CXJH"]),
        new(Sanitation, "公共厕所", "HJ-301", "厕所内外干净，地面无积水、无污物，无明显异味", 3, ObservationKind.Score, "SJ0106", ["GCCS", "NMSC", "GY", "GGGC"], MaxScore: 5),
        new(Sanitation, "公共厕所", "HJ-302", "厕位、洗手池、照明、排风等设施完好可用，有洗手液、手纸", 2, PassFail, "BJ0106", ["GCCS"]),
        new(Sanitation, "公共厕所", "HJ-303", "有保洁人员在岗或保洁记录，开放时间公示", 1, PassFail, "SJ0106", ["GCCS"]),
        new(Sanitation, "公共厕所", "HJ-304", "设置无障碍厕位或第三卫生间，标识清晰", 1, PassFail, "BJ0106", ["GCCS"]),
        new(Sanitation, "公共厕所", "HJ-305", "周边 300 米内设置醒目的公厕指示牌", 1, PassFail, "BJ0106", ["GCCS"]),
        new(Sanitation, "绿化与水域", "HJ-401", "绿地内无垃圾杂物，无黄土裸露，无毁绿占绿", 1, PassFail, "SJ0108", ["GY", "GGGC"]),
        new(Sanitation, "绿化与水域", "HJ-402", "水面清洁，无漂浮垃圾、无异味", 1, PassFail, "SJ0107", ["GY"]),
        new(Sanitation, "绿化与水域", "HJ-403", "树木无倒伏断枝，行道树无缺株死树", 1, PassFail, "BJ0402", ["ZCGD", "GY"]),

        // 公共秩序
        new(Order, "市容秩序", "ZX-101", "无占道经营、店外经营和流动摊贩", 2, PassFail, "SJ0401", ["ZCGD", "SYDJ", "BJXX", "NMSC", "GJZD", "YY", "CXJH"]),
        new(Order, "市容秩序", "ZX-102", "户外广告和门头牌匾设置规范、完好，无乱拉横幅", 1, PassFail, "SJ0203", ["SYDJ"]),
        new(Order, "市容秩序", "ZX-103", "无沿街晾晒，无乱拉乱挂", 1, PassFail, "SJ0406", ["BJXX", "CXJH"]),
        new(Order, "市容秩序", "ZX-104", "无露天烧烤，无焚烧垃圾、树叶", 1, PassFail, "SJ0407", ["SYDJ", "BJXX"]),
        new(Order, "交通秩序", "ZX-201", "机动车停放有序，不占用人行道、盲道，每 500 米违停不超过 2 辆", 2, ObservationKind.Count, "SJ0404", ["ZCGD", "SYDJ", "YY", "ZXXX"],
            "每 500 米", "违停机动车（辆）", 2),
        new(Order, "交通秩序", "ZX-202", "非机动车、共享单车停放整齐，每 500 米乱停放不超过 5 辆", 2, ObservationKind.Count, "SJ0403", ["ZCGD", "SYDJ", "BJXX", "GJZD", "NMSC"],
            "每 500 米", "乱停放非机动车（辆）", 5),
        new(Order, "交通秩序", "ZX-203", "行人、非机动车遵守交通信号，路口观察 10 分钟闯红灯不超过 3 人次", 2, ObservationKind.Count, "SJ0605", ["ZCGD"],
            "路口观察 10 分钟", "闯红灯（人次）", 3),
        new(Order, "交通秩序", "ZX-204", "交通标志、标线清晰，信号灯、护栏完好", 1, PassFail, "BJ0204", ["ZCGD"]),
        new(Order, "交通秩序", "ZX-205", "消防通道畅通，无占用、堵塞", 2, PassFail, "SJ0415", ["SQXQ", "NMSC", "YY", "ZXXX", "ZWDT"]),
        new(Order, "市场秩序", "ZX-301", "按区划行、分类经营，商品摆放整齐，无越线经营", 2, PassFail, "SJ0401", ["NMSC"]),
        new(Order, "市场秩序", "ZX-302", "肉类、水产、熟食区域设置规范，生熟分开，有防蝇防尘设施", 2, PassFail, "SJ0604", ["NMSC"]),
        new(Order, "市场秩序", "ZX-303", "设置公平秤并正常使用，商品明码标价", 1, PassFail, "SJ0605", ["NMSC"]),
        new(Order, "市场秩序", "ZX-304", "市场内地面无积水、无污物，排水沟渠通畅", 1, PassFail, "SJ0101", ["NMSC"]),
        new(Order, "施工管理", "ZX-401", "施工围挡连续、稳固、整洁，围挡上有公益广告", 2, PassFail, "SJ0304", ["JZGD"]),
        new(Order, "施工管理", "ZX-402", "裸露土方和易扬尘物料全部覆盖，出入口道路硬化", 2, PassFail, "SJ0303", ["JZGD"]),
        new(Order, "施工管理", "ZX-403", "车辆冲洗设施正常使用，出场车辆无带泥上路、无遗撒", 2, PassFail, "SJ0302", ["JZGD"]),
        new(Order, "施工管理", "ZX-404", "夜间施工持有许可，无施工噪声扰民", 1, PassFail, "SJ0301", ["JZGD"]),
        new(Order, "施工管理", "ZX-405", "建筑垃圾分类堆放、及时清运，无乱倒", 1, PassFail, "SJ0307", ["JZGD", "CXJH"]),

        // 公共设施
        new(Facilities, "市政设施", "SS-101", "井盖、雨水箅子齐全完好，无缺失、破损、移位", 1, PassFail, "BJ0101", ["ZCGD", "SYDJ", "BJXX"]),
        new(Facilities, "市政设施", "SS-102", "路灯、景观照明完好，夜间正常亮灯", 1, PassFail, "BJ0201", ["ZCGD", "BJXX", "GY", "GGGC"]),
        new(Facilities, "市政设施", "SS-103", "路面平整，无坑洼、破损、塌陷", 1, PassFail, "BJ0202", ["ZCGD", "BJXX"]),
        new(Facilities, "市政设施", "SS-104", "盲道连续、完好，无占用", 1, PassFail, "BJ0208", ["ZCGD", "SYDJ"]),
        new(Facilities, "市政设施", "SS-105", "架空线缆规整，无乱拉乱挂、无垂落", 1, PassFail, "BJ0104", ["BJXX", "CXJH"]),
        new(Facilities, "公交站点", "SS-201", "站亭、站牌完好，线路和首末班时间信息清晰准确", 2, PassFail, "BJ0206", ["GJZD"]),
        new(Facilities, "公交站点", "SS-202", "候车区域干净，无积水、无垃圾", 1, PassFail, "SJ0105", ["GJZD"]),
        new(Facilities, "公交站点", "SS-203", "候车秩序良好，乘客排队候车、先下后上", 2, ObservationKind.Score, "SJ0605", ["GJZD"], MaxScore: 5),
        new(Facilities, "公交站点", "SS-204", "设置爱心座椅等无障碍设施，站台无障碍通行", 1, PassFail, "BJ0206", ["GJZD"]),
        new(Facilities, "公园广场设施", "SS-301", "健身器材、儿童游乐设施完好安全，有使用说明和安全提示", 2, PassFail, "BJ0105", ["GY", "GGGC", "SQXQ"]),
        new(Facilities, "公园广场设施", "SS-302", "座椅、导览指示牌、照明设施完好", 1, PassFail, "BJ0303", ["GY", "GGGC"]),
        new(Facilities, "公园广场设施", "SS-303", "文明养犬，观察 15 分钟未拴绳犬只为 0，无犬只粪便", 1, ObservationKind.Count, "SJ0411", ["GY", "GGGC", "SQXQ"],
            "观察 15 分钟", "未拴绳犬只（只）", 0),
        new(Facilities, "无障碍设施", "SS-401", "出入口设置无障碍坡道和扶手，无障碍设施无占用", 1, PassFail, "BJ0208", ["YY", "ZWDT", "GGGC", "WMSJ"]),
        new(Facilities, "社区设施", "SS-501", "电动自行车集中停放充电，无飞线充电、无楼道停放", 2, PassFail, "SJ0414", ["SQXQ", "CXJH"]),
        new(Facilities, "社区设施", "SS-502", "楼道整洁，无堆物，消防设施完好", 1, PassFail, "BJ0503", ["SQXQ"]),
        new(Facilities, "社区设施", "SS-503", "小区出入口和主要道路监控设施完好", 1, PassFail, "BJ0601", ["SQXQ"]),

        // 宣传氛围
        new(Publicity, "公益广告", "XC-101", "主要路段、路口有社会主义核心价值观和“讲文明树新风”公益广告，画面完好", 2, PassFail, "SJ0205", ["ZCGD", "SYDJ", "GGGC", "GJZD"]),
        new(Publicity, "公益广告", "XC-102", "显著位置设置公益广告或宣传栏，内容及时更新", 1, PassFail, "SJ0205",
            ["NMSC", "YY", "ZXXX", "SQXQ", "GY", "ZWDT", "WMSJ", "JZGD", "CXJH"]),
        new(Publicity, "公益广告", "XC-103", "宣传栏完好，无破损、无过期内容", 1, PassFail, "BJ0305", ["SQXQ", "WMSJ"]),
        new(Publicity, "亮牌公示", "XC-201", "点位责任牌（亮牌）设置规范，责任单位、责任人和监督电话公示清楚", 1, PassFail, "SJ0605",
            ["ZCGD", "BJXX", "NMSC", "GY", "GGGC", "GCCS", "SQXQ"]),

        // 窗口服务
        new(Service, "医院", "FW-101", "挂号、收费、取药等窗口排队有序，设置一米线", 1, PassFail, "SJ0605", ["YY", "ZWDT"]),
        new(Service, "医院", "FW-102", "设置导诊台和便民设施（轮椅、饮水、充电）", 1, PassFail, "SJ0605", ["YY"]),
        new(Service, "医院", "FW-103", "医务人员着装规范、佩戴工牌、使用文明用语", 2, ObservationKind.Score, "SJ0605", ["YY"], MaxScore: 5),
        new(Service, "医院", "FW-104", "室内全面禁烟，禁烟标识醒目，观察 30 分钟无吸烟", 1, ObservationKind.Count, "SJ0605", ["YY", "ZWDT", "ZXXX"],
            "观察 30 分钟", "吸烟（人次）", 0),
        new(Service, "医院", "FW-105", "医院周边无号贩子、无非法营运车辆", 1, PassFail, "SJ0410", ["YY"]),
        new(Service, "政务大厅", "FW-201", "办事指南、办理流程、收费标准公开，实行一次性告知", 2, PassFail, "SJ0605", ["ZWDT"]),
        new(Service, "政务大厅", "FW-202", "窗口人员在岗在位、亮证服务，观察 30 分钟无离岗、玩手机", 2, ObservationKind.Count, "SJ0605", ["ZWDT"],
            "观察 30 分钟", "离岗或玩手机（人次）", 0),
        new(Service, "政务大厅", "FW-203", "设置“办不成事”反映窗口和“好差评”评价器并正常使用", 1, PassFail, "SJ0605", ["ZWDT"]),
        new(Service, "政务大厅", "FW-204", "设置老年人、残疾人绿色通道，提供帮办代办服务", 1, PassFail, "SJ0605", ["ZWDT", "YY"]),
        new(Service, "政务大厅", "FW-205", "大厅整洁，座椅、填单台、饮水等便民设施齐全", 1, ObservationKind.Score, "SJ0605", ["ZWDT"], MaxScore: 5),
        new(Service, "校园周边", "FW-301", "校门口 200 米内无流动摊贩，无“三无”食品销售", 2, PassFail, "SJ0402", ["ZXXX"]),
        new(Service, "校园周边", "FW-302", "上下学时段有护学岗，接送秩序良好", 1, PassFail, "SJ0605", ["ZXXX"]),
        new(Service, "校园周边", "FW-303", "学校周边 200 米内无网吧、歌舞娱乐等不适宜未成年人进入的场所", 2, PassFail, "SJ0603", ["ZXXX"]),
        new(Service, "校园周边", "FW-304", "校门口交通标志、减速带、人行横道等安全设施完好", 1, PassFail, "BJ0204", ["ZXXX"]),

        // 志愿服务与文明实践
        new(Practice, "新时代文明实践站", "WM-101", "有固定场所，“新时代文明实践站”标识醒目规范", 1, PassFail, "SJ0605", ["WMSJ"]),
        new(Practice, "新时代文明实践站", "WM-102", "工作制度、活动计划和志愿服务项目上墙公示", 1, PassFail, "SJ0605", ["WMSJ"]),
        new(Practice, "新时代文明实践站", "WM-103", "近一个月开展文明实践活动不少于 2 次，有活动记录和图片", 2, ObservationKind.Score, "SJ0605", ["WMSJ"], MaxScore: 5),
        new(Practice, "新时代文明实践站", "WM-104", "开放时间内有人值守，群众可正常使用", 1, PassFail, "SJ0605", ["WMSJ"]),
        new(Practice, "志愿服务", "WM-201", "学雷锋志愿服务站设置规范，有志愿者在岗服务", 1, PassFail, "SJ0605", ["WMSJ", "YY", "ZWDT", "GGGC"]),
        new(Practice, "志愿服务", "WM-202", "随机询问 5 名群众，知晓并认可身边的文明实践和志愿服务活动", 1, ObservationKind.Score, "SJ0605", ["WMSJ", "SQXQ"], MaxScore: 5),
        new(Practice, "未成年人思想道德建设", "WM-301", "校园内有社会主义核心价值观和中华优秀传统文化宣传", 1, PassFail, "SJ0205", ["ZXXX"]),
        new(Practice, "未成年人思想道德建设", "WM-302", "学生文明礼貌，随机询问能说出社会主义核心价值观", 1, ObservationKind.Score, "SJ0605", ["ZXXX"], MaxScore: 5),

        // 城乡接合部整治
        new(Fringe, "环境整治", "CX-101", "无违法建设，无私搭乱建", 2, PassFail, "SJ0306", ["CXJH"]),
        new(Fringe, "环境整治", "CX-102", "无非法小作坊，无违规散养家禽家畜", 1, PassFail, "SJ0601", ["CXJH"]),
        new(Fringe, "环境整治", "CX-103", "出租房屋管理规范，无群租", 1, PassFail, "SJ0602", ["CXJH"]),
        new(Fringe, "环境整治", "CX-104", "沟渠坑塘干净，无垃圾漂浮、无黑臭水体", 1, PassFail, "SJ0107", ["CXJH"]),
        new(Fringe, "环境整治", "CX-105", "道路两侧无废弃车辆，无占道堆物", 1, PassFail, "SJ0113", ["CXJH"]),
    ];

    /// <summary>The index as import rows, so the demo goes through the same checks as an official's sheet.</summary>
    public static List<IndexInputRow> Rows() => Items.Select((s, i) => new IndexInputRow(
        s.Code,
        new StandardInput(s.Project, s.Content, s.Code, s.Text, s.Points, ObservationKinds.ChineseName(s.Kind), s.CountBasis, s.CountSubject,
            s.Threshold, s.MaxScore, null, s.Categories, s.CaseCategory, i + 1, true),
        [])).ToList();
}
