using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

/// <summary>Create (Id null) or update a task with its work steps in order (steps are replaced by name: a kept name keeps its hazards).</summary>
public sealed record SaveTaskRequest(int? Id, string? Name, int? AreaId, int? PostId, IReadOnlyList<string>? Steps);

public sealed class SaveTask(AppDbContext db)
{
    public async Task<Outcome<SafetyTask>> HandleAsync(AccessScope scope, int enterpriseId, SaveTaskRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, SafetyTask>();
        }

        var problems = new List<Problem>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            problems.Add(new("name", "请填写作业任务名称（不超过 100 字）。"));
        }

        var steps = (request.Steps ?? []).Select(s => s?.Trim() ?? "").ToList();
        if (steps.Count == 0 || steps.Any(s => s.Length is 0 or > 100) || steps.Distinct().Count() != steps.Count)
        {
            problems.Add(new("steps", "请按顺序填写作业步骤（至少一步，每步不超过 100 字，不得重复）。"));
        }

        if (request.AreaId is { } areaId && !await db.Set<SafetyArea>().AnyAsync(a => a.Id == areaId && a.EnterpriseId == enterpriseId, ct))
        {
            problems.Add(new("areaId", "作业区域不存在或不属于本企业。"));
        }

        if (request.PostId is { } postId && !await db.Set<SafetyPost>().AnyAsync(p => p.Id == postId && p.EnterpriseId == enterpriseId, ct))
        {
            problems.Add(new("postId", "岗位不存在或不属于本企业。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<SafetyTask>.Invalid(problems);
        }

        SafetyTask? task;
        if (request.Id is { } id)
        {
            task = await db.Set<SafetyTask>().Include(t => t.Steps).FirstOrDefaultAsync(t => t.Id == id && t.EnterpriseId == enterpriseId, ct);
            if (task is null)
            {
                return Outcome<SafetyTask>.NotFound($"作业任务 {id} 不存在。");
            }
        }
        else
        {
            task = new SafetyTask { EnterpriseId = enterpriseId, Name = name! };
            db.Add(task);
        }

        var dropped = task.Steps.Where(s => !steps.Contains(s.Name)).ToList();
        if (dropped.Count > 0)
        {
            var droppedIds = dropped.Select(s => s.Id).ToList();
            if (await db.Set<Hazard>().AnyAsync(h => h.TaskStepId != null && droppedIds.Contains(h.TaskStepId.Value), ct))
            {
                return Outcome<SafetyTask>.Conflict("要删除的作业步骤已辨识了危险源，请先移走这些危险源。");
            }

            dropped.ForEach(s => task.Steps.Remove(s));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var step = task.Steps.FirstOrDefault(s => s.Name == steps[i]);
            if (step is null)
            {
                task.Steps.Add(step = new SafetyTaskStep { Name = steps[i] });
            }

            step.Order = i + 1;
        }

        task.Name = name!;
        task.AreaId = request.AreaId;
        task.PostId = request.PostId;
        await db.SaveChangesAsync(ct);
        return request.Id is null ? Outcome<SafetyTask>.Created(task) : Outcome<SafetyTask>.Ok(task);
    }
}
