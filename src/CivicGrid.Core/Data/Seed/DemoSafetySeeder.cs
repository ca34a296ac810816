using CivicGrid.Organization;
using CivicGrid.Safety;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Data.Seed;

/// <summary>示例矿业一号矿: its areas on a plan, posts, tasks with work steps, workers and an assessed risk register.</summary>
internal static class DemoSafetySeeder
{
    private sealed record AreaSeed(string Name, string Kind, string? Parent, int X, int Y, int W, int H);

    private sealed record TaskSeed(string Name, string Area, string Post, string[] Steps);

    private static readonly AreaSeed[] Areas =
    [
        new("主井工业广场", "井口", null, 0, 0, 30, 20),
        new("中央变电所", "变电所", null, 35, 0, 20, 20),
        new("机修车间", "车间", null, 60, 0, 18, 20),
        new("选煤厂", "选煤厂", null, 80, 0, 20, 20),
        new("一采区", "采区", null, 0, 25, 45, 35),
        new("1201综采工作面", "工作面", "一采区", 3, 30, 20, 12),
        new("1203掘进工作面", "掘进工作面", "一采区", 25, 30, 18, 12),
        new("二采区", "采区", null, 50, 25, 50, 35),
        new("2101综采工作面", "工作面", "二采区", 55, 30, 20, 12),
        new("主运输大巷", "巷道", null, 0, 65, 100, 10),
        new("火工品库", "库房", null, 0, 80, 20, 18),
    ];

    private static readonly string[] Posts =
        ["采煤机司机", "液压支架工", "掘进机司机", "瓦斯检查工", "井下电工", "绞车司机", "带式输送机司机", "爆破工", "安全检查工", "机修工", "选煤厂操作工", "班组长"];

    private static readonly TaskSeed[] Tasks =
    [
        new("采煤机割煤", "1201综采工作面", "采煤机司机", ["开机前检查", "启动采煤机", "割煤", "停机闭锁"]),
        new("液压支架移架", "1201综采工作面", "液压支架工", ["检查支架及管路", "降架", "移架", "升架护顶"]),
        new("工作面瓦斯检查", "1201综采工作面", "瓦斯检查工", ["检查仪器", "巡检测点", "填写记录牌板"]),
        new("掘进机截割", "1203掘进工作面", "掘进机司机", ["敲帮问顶", "启动掘进机", "截割", "临时支护"]),
        new("锚杆支护", "1203掘进工作面", "班组长", ["打锚杆眼", "安装锚杆", "预紧力检测"]),
        new("爆破作业", "1203掘进工作面", "爆破工", ["领取火工品", "装药", "联线", "警戒与起爆", "验炮"]),
        new("采煤机割煤", "2101综采工作面", "采煤机司机", ["开机前检查", "启动采煤机", "割煤", "停机闭锁"]),
        new("刮板输送机检修", "2101综采工作面", "机修工", ["停电闭锁挂牌", "更换刮板", "试运转"]),
        new("带式输送机运行", "主运输大巷", "带式输送机司机", ["巡检托辊及胶带", "启动", "运行监护", "清理浮煤"]),
        new("斜巷绞车提升", "主运输大巷", "绞车司机", ["检查钢丝绳及保险装置", "信号联络", "提升", "停车制动"]),
        new("高压停送电", "中央变电所", "井下电工", ["办理停电工作票", "验电放电", "挂接地线", "送电"]),
        new("设备检修焊接", "机修车间", "机修工", ["办理动火证", "清理可燃物", "焊接", "现场检查"]),
        new("重介质分选", "选煤厂", "选煤厂操作工", ["开车前检查", "启动设备", "巡检运行", "停车清理"]),
        new("火工品发放", "火工品库", "爆破工", ["核对领用单", "发放登记", "清退回收"]),
        new("入井检身", "主井工业广场", "安全检查工", ["核对人员", "检查自救器与矿灯", "禁带物品检查"]),
    ];

    // (hazard, accident type, L, E, C): LEC values from the standard tables, spread over the four levels.
    private static readonly (string Hazard, string Accident, double L, double E, double C)[] HazardsPerStep =
    [
        ("顶板离层冒落", "冒顶片帮", 3, 6, 40),
        ("设备未闭锁误启动", "机械伤害", 3, 6, 15),
        ("作业点粉尘浓度超限", "职业病危害", 6, 6, 3),
        ("现场照明不足", "其他伤害", 1, 6, 3),
        ("瓦斯积聚", "瓦斯爆炸", 1, 6, 100),
        ("带电作业", "触电", 3, 3, 15),
        ("违章跨越设备", "机械伤害", 3, 6, 7),
    ];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var mine = await db.Units.SingleAsync(u => u.Code == DemoOrganization.MineCode, ct);
        var now = clock.GetUtcNow();
        var today = SafetyClock.Today(clock);
        db.Add(new SafetySettings { EnterpriseId = mine.Id, SafeSince = today.AddDays(-4 * 365) });

        var areas = new Dictionary<string, SafetyArea>();
        foreach (var a in Areas.Where(a => a.Parent is null).Concat(Areas.Where(a => a.Parent is not null)))
        {
            var area = new SafetyArea { EnterpriseId = mine.Id, Name = a.Name, Kind = a.Kind, PlanX = a.X, PlanY = a.Y, PlanWidth = a.W, PlanHeight = a.H, UpdatedAt = now };
            areas[a.Name] = area;
            db.Add(area);
            if (a.Parent is null)
            {
                continue;
            }

            await db.SaveChangesAsync(ct);
            area.ParentAreaId = areas[a.Parent].Id;
        }

        var posts = Posts.ToDictionary(p => p, p => new SafetyPost { EnterpriseId = mine.Id, Name = p });
        db.AddRange(posts.Values);
        await db.SaveChangesAsync(ct);

        var tasks = Tasks.Select(t => new SafetyTask
        {
            EnterpriseId = mine.Id,
            Name = t.Name,
            AreaId = areas[t.Area].Id,
            PostId = posts[t.Post].Id,
            Steps = t.Steps.Select((s, i) => new SafetyTaskStep { Name = s, Order = i + 1 }).ToList(),
        }).ToList();
        db.AddRange(tasks);

        var workers = Enumerable.Range(0, 36).Select(i =>
        {
            var (name, phone) = DemoOrganization.PersonAt(5000 + i);
            return new Person { Name = name, Phone = phone, Post = Posts[i % Posts.Length], UnitId = mine.Id, UpdatedAt = now };
        }).ToList();
        db.People.AddRange(workers);
        await db.SaveChangesAsync(ct);
        db.AddRange(workers.Select((w, i) => new SafetyPersonPost { PersonId = w.Id, PostId = posts[Posts[i % Posts.Length]].Id }));

        var bands = RiskBands.Default;
        var n = 0;
        foreach (var step in tasks.SelectMany(t => t.Steps))
        {
            for (var k = 0; k < 2; k++, n++)
            {
                var h = HazardsPerStep[(n * 3 + k) % HazardsPerStep.Length];
                db.Add(NewHazard(mine.Id, null, step.Id, $"{step.Name}：{h.Hazard}", h, bands, today.AddDays(30 + (n % 300)), now));
            }
        }

        foreach (var area in areas.Values)
        {
            var h = HazardsPerStep[area.Id % HazardsPerStep.Length];
            db.Add(NewHazard(mine.Id, area.Id, null, $"{area.Name}：{h.Hazard}", h, bands, today.AddDays(90), now));
        }

        await db.SaveChangesAsync(ct);
    }

    internal static Hazard NewHazard(int enterpriseId, int? areaId, int? stepId, string name, (string Hazard, string Accident, double L, double E, double C) h,
        RiskBands bands, DateOnly review, DateTimeOffset now)
    {
        var score = LecTables.Score(h.L, h.E, h.C);
        return new Hazard
        {
            EnterpriseId = enterpriseId,
            AreaId = areaId,
            TaskStepId = stepId,
            Name = name,
            AccidentType = h.Accident,
            Method = RiskMethod.Lec,
            Likelihood = h.L,
            Exposure = h.E,
            Consequence = h.C,
            Score = score,
            Level = bands.LevelOf(RiskMethod.Lec, score),
            EngineeringControls = "完善监测监控与安全防护装置",
            ManagementControls = "执行岗位安全操作规程和交接班检查",
            TrainingControls = "岗前安全培训，持证上岗",
            PpeControls = "正确佩戴安全帽、自救器等劳动防护用品",
            EmergencyControls = "按现场处置方案撤人、断电、报告调度室",
            Owner = "区队长",
            ReviewDate = review,
            UpdatedAt = now,
        };
    }
}
