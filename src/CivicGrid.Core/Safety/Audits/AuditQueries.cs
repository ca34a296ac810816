using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Audits;

public sealed record AuditSummary(int Id, string Title, DateOnly AuditDate, string Auditors, string Status, string StatusName,
    decimal? TotalPercent, int? Stars, int FailedElements, DateTimeOffset? SubmittedAt);

public sealed record AuditElementView(int ElementId, string Code, string Name, decimal Weight, decimal? Score, bool NotApplicable, bool Failed,
    string? Note, int? HiddenDangerId);

public sealed record AuditSectionView(int Order, string Name, decimal Weight, decimal? Percent, IReadOnlyList<AuditElementView> Elements);

public sealed record AuditView(int Id, int EnterpriseId, string EnterpriseName, string TemplateName, string Title, DateOnly AuditDate, string Auditors,
    string Status, string StatusName, decimal? InjuryRate, decimal? TotalPercent, int? Stars, string? Grade, int FailedElements,
    string CreatedBy, DateTimeOffset CreatedAt, string? SubmittedBy, DateTimeOffset? SubmittedAt, IReadOnlyList<AuditSectionView> Sections);

public sealed record AuditTemplateView(int Id, string Code, string Name, IReadOnlyList<AuditSectionView> Sections);

/// <summary>Audits of an enterprise, one audit with its sections (a draft shows the template to score), templates, the Excel export.</summary>
public sealed class AuditQueries(AppDbContext db)
{
    public async Task<Outcome<IReadOnlyList<AuditTemplateView>>> TemplatesAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (!SafetyAccess.UsesSafety(scope))
        {
            return Outcome<IReadOnlyList<AuditTemplateView>>.Forbidden("安全风险管控仅对企业安全管理人员和安全监管人员开放。");
        }

        await ClassicAuditTemplate.EnsureAsync(db, ct);
        var templates = await TemplateQuery().Where(t => t.IsActive).OrderBy(t => t.Id).ToListAsync(ct);
        return Outcome<IReadOnlyList<AuditTemplateView>>.Ok(templates.Select(t => new AuditTemplateView(t.Id, t.Code, t.Name, Blank(t))).ToList());
    }

    public async Task<Outcome<PagedList<AuditSummary>>> ListAsync(AccessScope scope, int enterpriseId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var found = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<Organization.Unit, PagedList<AuditSummary>>();
        }

        var query = db.Set<Audit>().AsNoTracking().Where(a => a.EnterpriseId == enterpriseId);
        var (p, size) = Paging.Normalize(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.AuditDate).ThenByDescending(a => a.Id).Skip((p - 1) * size).Take(size)
            .Select(a => new { a.Id, a.Title, a.AuditDate, a.Auditors, a.Status, a.TotalPercent, a.Stars, a.FailedElements, a.SubmittedAt }).ToListAsync(ct);
        return Outcome<PagedList<AuditSummary>>.Ok(new PagedList<AuditSummary>(rows.Select(a => new AuditSummary(a.Id, a.Title, a.AuditDate, a.Auditors,
            a.Status.ToString(), StatusName(a.Status), a.TotalPercent, a.Stars, a.FailedElements, a.SubmittedAt)).ToList(), total, p, size));
    }

    public async Task<Outcome<AuditView>> GetAsync(AccessScope scope, int auditId, CancellationToken ct = default)
    {
        var (audit, refusal) = await FindAsync(db, scope, auditId, ct);
        if (audit is null)
        {
            return refusal!.Fail<Organization.Unit, AuditView>();
        }

        var template = await TemplateQuery().AsNoTracking().FirstAsync(t => t.Id == audit.TemplateId, ct);
        var scores = await db.Set<AuditScore>().AsNoTracking().Where(s => s.AuditId == audit.Id).ToListAsync(ct);
        var enterprise = await db.Units.Where(u => u.Id == audit.EnterpriseId).Select(u => u.Name).FirstAsync(ct);
        var sections = audit.Status == AuditStatus.Draft ? Blank(template) : Scored(scores);
        return Outcome<AuditView>.Ok(new AuditView(audit.Id, audit.EnterpriseId, enterprise, template.Name, audit.Title, audit.AuditDate, audit.Auditors,
            audit.Status.ToString(), StatusName(audit.Status), audit.InjuryRate, audit.TotalPercent, audit.Stars,
            audit.Stars is { } stars ? StarGrading.Display(stars) : null, audit.FailedElements, audit.CreatedBy, audit.CreatedAt, audit.SubmittedBy,
            audit.SubmittedAt, sections));
    }

    /// <summary>The result as a sheet: one row per element with its section's and the total percentage and the star grade.</summary>
    public async Task<Outcome<byte[]>> ExportAsync(AccessScope scope, int auditId, CancellationToken ct = default)
    {
        var found = await GetAsync(scope, auditId, ct);
        if (!found.Succeeded)
        {
            return found.Fail<AuditView, byte[]>();
        }

        var audit = found.Value!;
        if (audit.Status != nameof(AuditStatus.Submitted))
        {
            return Outcome<byte[]>.Conflict("审核尚未提交，没有可导出的结果。");
        }

        var rows = audit.Sections.SelectMany(s => s.Elements.Select(e => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["企业"] = audit.EnterpriseName,
            ["审核"] = audit.Title,
            ["审核日期"] = audit.AuditDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["部分"] = s.Name,
            ["部分权重"] = s.Weight,
            ["部分得分率%"] = s.Percent,
            ["要素编号"] = e.Code,
            ["要素"] = e.Name,
            ["满分"] = e.Weight,
            ["得分"] = e.NotApplicable ? "不适用" : e.Score,
            ["不合格"] = e.Failed ? "是" : "",
            ["说明"] = e.Note,
            ["隐患编号"] = e.HiddenDangerId,
        })).ToList();
        rows.Add(new Dictionary<string, object?>
        {
            ["企业"] = audit.EnterpriseName,
            ["审核"] = audit.Title,
            ["部分"] = "总计",
            ["部分得分率%"] = audit.TotalPercent,
            ["要素"] = $"星级：{audit.Grade}；伤害率：{audit.InjuryRate:0.##}；不合格要素 {audit.FailedElements} 项",
        });
        return Outcome<byte[]>.Ok(ExcelSheet.Write(rows));
    }

    /// <summary>The audit when the caller works on its enterprise; NotFound for another enterprise's, Forbidden without safety work.</summary>
    internal static async Task<(Audit? Audit, Outcome<Organization.Unit>? Refusal)> FindAsync(AppDbContext db, AccessScope scope, int id, CancellationToken ct)
    {
        var audit = await db.Set<Audit>().FirstOrDefaultAsync(a => a.Id == id, ct);
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, audit?.EnterpriseId ?? 0, ct);
        if (enterprise.Status == OutcomeStatus.Forbidden)
        {
            return (null, enterprise);
        }

        return audit is not null && enterprise.Succeeded ? (audit, null)
            : (null, Outcome<Organization.Unit>.NotFound($"审核 {id} 不存在或不在您的管辖范围内。"));
    }

    private IQueryable<AuditTemplate> TemplateQuery() =>
        db.Set<AuditTemplate>().AsNoTracking().Include(t => t.Sections).ThenInclude(s => s.Elements).AsSplitQuery();

    private static List<AuditSectionView> Blank(AuditTemplate t) => t.Sections.OrderBy(s => s.Order).Select(s => new AuditSectionView(s.Order, s.Name, s.Weight, null,
        s.Elements.OrderBy(e => e.Order).Select(e => new AuditElementView(e.Id, e.Code, e.Name, e.Weight, null, false, false, null, null)).ToList())).ToList();

    private static List<AuditSectionView> Scored(List<AuditScore> scores)
    {
        var result = AuditScoring.Score(scores.Select(s => new ScoredElement(s.SectionName, s.SectionWeight, s.Weight, s.Score)).ToList());
        return scores.GroupBy(s => (s.SectionOrder, s.SectionName)).OrderBy(g => g.Key.SectionOrder).Select(g => new AuditSectionView(g.Key.SectionOrder, g.Key.SectionName,
            g.First().SectionWeight, result.Sections.First(r => r.Section == g.Key.SectionName).Percent,
            g.OrderBy(s => s.Id).Select(s => new AuditElementView(s.ElementId, s.ElementCode, s.ElementName, s.Weight, s.Score, s.Score is null, s.Failed, s.Note, s.HiddenDangerId))
                .ToList())).ToList();
    }

    private static string StatusName(AuditStatus status) => status == AuditStatus.Draft ? "待评分" : "已提交";
}
