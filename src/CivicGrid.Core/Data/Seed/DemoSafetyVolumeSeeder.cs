using CivicGrid.Safety;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Data.Seed;

/// <summary>
/// Brings 示例矿业一号矿 to a working mine's size: routine tasks of every area (about 300 tasks with their work steps in all)
/// and hazards on their steps, assessed by LEC and by the 5 × 5 matrix in turn, up to <see cref="HazardTarget"/> risks.
/// Generated from small tables, the same every run.
/// </summary>
internal static class DemoSafetyVolumeSeeder
{
    public const int HazardTarget = 500;

    private static readonly (string Name, string[] Steps)[] RoutineTasks =
    [
        ("交接班安全确认", ["交接设备状况", "交接安全隐患", "签字确认"]),
        ("作业前安全确认", ["敲帮问顶", "检查瓦斯", "检查安全设施"]),
        ("设备巡回检查", ["检查运转声响", "检查温度与油位", "填写巡检记录"]),
        ("设备日常保养", ["停机闭锁", "清洁润滑", "紧固检查", "试运转"]),
        ("电气设备检修", ["停电验电", "挂牌上锁", "检修更换", "送电试验"]),
        ("照明线路维护", ["停电挂牌", "更换灯具", "绝缘检测"]),
        ("通风设施检查", ["检查风门风窗", "测风", "记录汇报"]),
        ("安全监控传感器校验", ["通知调度", "标气校验", "恢复监测"]),
        ("有害气体检测", ["仪器自检", "逐点检测", "超限汇报"]),
        ("防尘洒水", ["检查喷雾装置", "冲洗巷帮", "清理积尘"]),
        ("排水泵运行", ["检查水位", "启动水泵", "巡视运行", "停泵记录"]),
        ("管路安装与拆除", ["泄压关阀", "拆装管路", "试压检查"]),
        ("材料装卸搬运", ["检查绑扎", "装卸", "码放整齐"]),
        ("起吊作业", ["检查起吊工具", "设置警戒", "起吊", "落钩检查"]),
        ("高处作业", ["系挂安全带", "搭设作业平台", "作业", "清理现场"]),
        ("动火作业", ["办理动火证", "清理可燃物", "配备灭火器", "动火后检查"]),
        ("受限空间作业", ["通风置换", "气体检测", "专人监护", "作业"]),
        ("消防器材检查", ["核对数量", "检查压力与有效期", "登记挂签"]),
        ("文明生产清理", ["清理浮煤杂物", "材料归位", "悬挂牌板"]),
        ("胶带输送机清扫", ["停机闭锁", "清扫托辊下浮煤", "解锁试车"]),
        ("液压系统检修", ["泄压", "更换密封件", "试压"]),
        ("风动工具使用", ["检查风管接头", "试运转", "作业", "收回保管"]),
        ("人员入井与升井清点", ["刷卡定位", "核对人数", "汇报调度"]),
        ("应急演练", ["发布警报", "人员撤离", "清点汇报", "总结评估"]),
        ("顶板离层监测", ["读取离层仪", "比对预警值", "记录汇报"]),
        ("巷道维修", ["加强支护", "拆除旧支架", "架设新支架", "验收"]),
    ];

    // (hazard, accident type, LEC L, E, C, matrix L, S): table values, spread over the four levels.
    private static readonly (string Hazard, string Accident, double L, double E, double C, int Ml, int Ms)[] StepHazards =
    [
        ("作业前未确认安全条件", "其他伤害", 3, 6, 7, 3, 3),
        ("设备意外启动", "机械伤害", 3, 6, 15, 3, 4),
        ("未停电作业", "触电", 1, 6, 40, 2, 5),
        ("物体坠落", "物体打击", 3, 3, 15, 3, 3),
        ("粉尘浓度超限", "职业病危害", 6, 6, 3, 4, 2),
        ("有害气体积聚", "中毒和窒息", 1, 6, 100, 2, 5),
        ("作业空间狭窄", "其他伤害", 1, 6, 3, 2, 2),
        ("高压管路崩脱", "物体打击", 1, 3, 15, 2, 4),
        ("动火引燃可燃物", "火灾", 1, 3, 40, 1, 5),
        ("照明不足绊倒", "其他伤害", 3, 6, 1, 3, 1),
        ("起吊物摆动挤伤", "起重伤害", 3, 3, 7, 3, 3),
        ("顶板活矸掉落", "冒顶片帮", 3, 6, 40, 4, 4),
    ];

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var mine = await db.Units.SingleAsync(u => u.Code == DemoOrganization.MineCode, ct);
        var areas = await db.Set<SafetyArea>().Where(a => a.EnterpriseId == mine.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var posts = await db.Set<SafetyPost>().Where(p => p.EnterpriseId == mine.Id).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var today = SafetyClock.Today(clock);

        var tasks = areas.SelectMany((areaId, a) => RoutineTasks.Select((t, k) => new SafetyTask
        {
            EnterpriseId = mine.Id,
            AreaId = areaId,
            PostId = posts[(a + k) % posts.Count],
            Name = t.Name,
            Steps = t.Steps.Select((s, i) => new SafetyTaskStep { Name = s, Order = i + 1 }).ToList(),
        })).ToList();
        db.AddRange(tasks);
        await db.SaveChangesAsync(ct);

        var bands = RiskBands.Default;
        var missing = HazardTarget - await db.Set<Hazard>().CountAsync(h => h.EnterpriseId == mine.Id, ct);
        var steps = tasks.SelectMany(t => t.Steps.Select(s => (Task: t, Step: s))).ToList();
        for (var n = 0; n < missing && steps.Count > 0; n++)
        {
            // Spread over the steps (stride 7) so every area and task kind gets some of the risks.
            var (task, step) = steps[(n * 7) % steps.Count];
            var h = StepHazards[(n + task.Id) % StepHazards.Length];
            var hazard = DemoSafetySeeder.NewHazard(mine.Id, null, step.Id, $"{task.Name}·{step.Name}：{h.Hazard}", (h.Hazard, h.Accident, h.L, h.E, h.C),
                bands, today.AddDays(15 + (n % 330)), now);
            if (n % 2 == 1)
            {
                hazard.Method = RiskMethod.Matrix;
                hazard.Likelihood = h.Ml;
                hazard.Exposure = null;
                hazard.Consequence = null;
                hazard.Severity = h.Ms;
                hazard.Score = h.Ml * h.Ms;
                hazard.Level = bands.LevelOf(RiskMethod.Matrix, hazard.Score);
            }

            db.Add(hazard);
        }

        await db.SaveChangesAsync(ct);
    }
}
