using CivicGrid.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Audits;

/// <summary>
/// The classic NOSA five-section template (NOSA 五星审核), present in every installation: made the first time templates are
/// needed, so a fresh database without the demo has it too.
/// </summary>
public static class ClassicAuditTemplate
{
    public const string Code = "NOSA-5";

    private static readonly (string Section, decimal Weight, (string Name, decimal Weight)[] Elements)[] Sections =
    [
        ("建筑物及厂房管理", 20, [
            ("厂房建筑物及构筑物完好", 25), ("通道、楼梯与安全出口畅通标识清楚", 20), ("照明与通风满足作业要求", 15),
            ("安全色与安全标志", 15), ("作业场所整理整顿（5S）", 15), ("物料堆放与仓储管理", 10)]),
        ("机械、电气维护及个人劳保", 25, [
            ("机械防护装置齐全有效", 20), ("设备定期检修与点检记录", 15), ("停电闭锁挂牌（上锁挂牌）", 20), ("电气设备接地与防爆完好", 15),
            ("手持电动工具与起重设备检验", 10), ("个人防护用品配发与正确佩戴", 20)]),
        ("火灾风险及其它紧急情况", 20, [
            ("消防器材配置与定期检查", 20), ("易燃易爆物品管理", 20), ("动火作业许可", 15), ("应急预案与定期演练", 20),
            ("避难硐室与自救器管理", 15), ("急救设施与急救员", 10)]),
        ("事故记录及调查", 10, [
            ("事故事件报告制度", 30), ("事故调查与原因分析", 30), ("纠正预防措施跟踪", 25), ("伤害统计与趋势分析", 15)]),
        ("组织管理", 25, [
            ("安全生产责任制", 20), ("安全管理机构与人员配备", 15), ("安全教育培训与持证上岗", 20), ("风险分级管控与隐患排查", 20),
            ("安全检查与奖惩考核", 15), ("承包商与相关方管理", 10)]),
    ];

    public static AuditTemplate Build() => new()
    {
        Code = Code,
        Name = "NOSA 五星安全审核（经典五大部分）",
        Sections = Sections.Select((s, i) => new AuditSection
        {
            Order = i + 1,
            Name = s.Section,
            Weight = s.Weight,
            Elements = s.Elements.Select((e, j) => new AuditElement { Order = j + 1, Code = $"{i + 1}.{j + 1}", Name = e.Name, Weight = e.Weight }).ToList(),
        }).ToList(),
    };

    public static async Task EnsureAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<AuditTemplate>().AnyAsync(t => t.Code == Code, ct))
        {
            return;
        }

        db.Add(Build());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request made it at the same moment (unique code): theirs stands.
            db.ChangeTracker.Clear();
        }
    }
}
