using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record SavePostRequest(int? Id, string? Name, string? Duties = null);

/// <summary>Create (Id null) or update a post of an enterprise; post names are unique within it.</summary>
public sealed class SavePost(AppDbContext db)
{
    public async Task<Outcome<SafetyPost>> HandleAsync(AccessScope scope, int enterpriseId, SavePostRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, SafetyPost>();
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50)
        {
            return Outcome<SafetyPost>.Invalid("name", "请填写岗位名称（不超过 50 字）。");
        }

        if (request.Duties?.Length > 1000)
        {
            return Outcome<SafetyPost>.Invalid("duties", "岗位职责不超过 1000 字。");
        }

        if (await db.Set<SafetyPost>().AnyAsync(p => p.EnterpriseId == enterpriseId && p.Name == name && p.Id != (request.Id ?? 0), ct))
        {
            return Outcome<SafetyPost>.Invalid("name", $"本企业已有岗位“{name}”。");
        }

        SafetyPost? post;
        if (request.Id is { } id)
        {
            post = await db.Set<SafetyPost>().FirstOrDefaultAsync(p => p.Id == id && p.EnterpriseId == enterpriseId, ct);
            if (post is null)
            {
                return Outcome<SafetyPost>.NotFound($"岗位 {id} 不存在。");
            }
        }
        else
        {
            post = new SafetyPost { EnterpriseId = enterpriseId, Name = name };
            db.Add(post);
        }

        post.Name = name;
        post.Duties = string.IsNullOrWhiteSpace(request.Duties) ? null : request.Duties.Trim();
        await db.SaveChangesAsync(ct);
        return request.Id is null ? Outcome<SafetyPost>.Created(post) : Outcome<SafetyPost>.Ok(post);
    }
}
