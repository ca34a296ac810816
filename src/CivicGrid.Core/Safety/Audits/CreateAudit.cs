using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Audits;

/// <summary>A new audit of an enterprise; without a template the classic NOSA five-section one.</summary>
public sealed record CreateAuditRequest(string? Title, DateOnly? AuditDate, string? Auditors, int? TemplateId = null);

/// <summary>Opens an audit as a draft; it is scored by <see cref="SubmitAudit"/>.</summary>
public sealed class CreateAudit(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int enterpriseId, CreateAuditRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, int>();
        }

        await ClassicAuditTemplate.EnsureAsync(db, ct);
        var problems = new List<Problem>();
        var templateId = request.TemplateId is { } tid
            ? await db.Set<AuditTemplate>().Where(t => t.Id == tid && t.IsActive).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct)
            : await db.Set<AuditTemplate>().Where(t => t.Code == ClassicAuditTemplate.Code).Select(t => (int?)t.Id).FirstAsync(ct);
        if (templateId is null)
        {
            problems.Add(new("templateId", "审核模板不存在或已停用。"));
        }

        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > 100)
        {
            problems.Add(new("title", "请填写审核名称（不超过 100 字）。"));
        }

        if (string.IsNullOrWhiteSpace(request.Auditors) || request.Auditors.Trim().Length > 200)
        {
            problems.Add(new("auditors", "请填写审核员（不超过 200 字）。"));
        }

        var today = SafetyClock.Today(clock);
        if (request.AuditDate is null || request.AuditDate > today)
        {
            problems.Add(new("auditDate", "请填写审核日期，且不能晚于今天。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<int>.Invalid(problems);
        }

        var audit = new Audit
        {
            EnterpriseId = enterpriseId,
            TemplateId = templateId!.Value,
            Title = request.Title!.Trim(),
            AuditDate = request.AuditDate!.Value,
            Auditors = request.Auditors!.Trim(),
            CreatedBy = scope.UserName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(audit);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Created(audit.Id);
    }
}
