using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety.Detections;

/// <summary>
/// A camera and its rules as a whole: the types it reports are the rules given (a type left out loses its rule, so its
/// detections are recorded but never warn). <c>EnterpriseId</c> on an edit moves the camera to another enterprise the
/// caller also works on.
/// </summary>
public sealed record SaveCameraRequest(
    string? Code, string? Name, int? AreaId = null, string? RegionCode = null, bool IsActive = true,
    IReadOnlyList<CameraRuleInput>? Rules = null, int? EnterpriseId = null);

/// <summary>
/// Adds or edits a camera with its rules in one write, then drops the <see cref="CameraDirectory"/> cache so the next
/// detection already runs on the new rules (no restart).
/// </summary>
public sealed class SaveCamera(AppDbContext db, CameraDirectory directory, TimeProvider clock)
{
    public async Task<Outcome<int>> CreateAsync(AccessScope scope, int enterpriseId, SaveCameraRequest request, CancellationToken ct = default) =>
        await SaveAsync(scope, enterpriseId, null, request, ct);

    public async Task<Outcome<int>> UpdateAsync(AccessScope scope, int cameraId, SaveCameraRequest request, CancellationToken ct = default)
    {
        var (camera, refusal) = await CameraQueries.FindAsync(db, scope, cameraId, ct);
        if (camera is null)
        {
            return refusal!.Fail<Organization.Unit, int>();
        }

        return await SaveAsync(scope, request.EnterpriseId ?? camera.EnterpriseId, camera, request, ct);
    }

    private async Task<Outcome<int>> SaveAsync(AccessScope scope, int enterpriseId, Camera? camera, SaveCameraRequest request, CancellationToken ct)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, int>();
        }

        var problems = new List<Problem>();
        var code = request.Code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 50 || code.Any(char.IsWhiteSpace))
        {
            problems.Add(new("code", "请填写摄像头编码（不超过 50 个字符，不含空格），如 CAM-009。"));
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 100)
        {
            problems.Add(new("name", "请填写摄像头名称（不超过 100 字）。"));
        }

        if (request.AreaId is { } areaId && !await db.Set<SafetyArea>().AnyAsync(a => a.Id == areaId && a.EnterpriseId == enterpriseId, ct))
        {
            problems.Add(new("areaId", "区域不存在或不属于该企业。"));
        }

        var region = string.IsNullOrWhiteSpace(request.RegionCode) ? null : request.RegionCode.Trim();
        if (region is not null && (!await db.Regions.AnyAsync(r => r.Code == region, ct) || !SafetyAccess.CanSee(scope, enterpriseId, region)))
        {
            problems.Add(new("regionCode", $"区域代码 {region} 不存在或不在您的管辖范围内。"));
        }

        var rules = CameraRules.Build(request.Rules ?? [], problems);
        if (problems.Count > 0)
        {
            return Outcome<int>.Invalid(problems);
        }

        if (await db.Set<Camera>().AnyAsync(c => c.Code == code && c.Id != (camera == null ? 0 : camera.Id), ct))
        {
            return Outcome<int>.Conflict($"摄像头编码 {code} 已被使用。");
        }

        var isNew = camera is null;
        camera ??= db.Add(new Camera { Code = code!, Name = "" }).Entity;
        camera.Code = code!;
        camera.Name = request.Name!.Trim();
        camera.EnterpriseId = enterpriseId;
        camera.AreaId = request.AreaId;
        camera.RegionCode = region;
        camera.IsActive = request.IsActive;
        camera.UpdatedAt = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await db.Set<DetectionRule>().Where(r => r.CameraId == camera.Id).ExecuteDeleteAsync(ct);
            foreach (var rule in rules)
            {
                rule.CameraId = camera.Id;
            }

            db.AddRange(rules);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Lost a race for the code: nothing of this edit stays.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<int>.Conflict($"摄像头编码 {code} 已被使用。");
        }
        finally
        {
            directory.Forget();
        }

        return isNew ? Outcome<int>.Created(camera.Id) : Outcome<int>.Ok(camera.Id);
    }
}
