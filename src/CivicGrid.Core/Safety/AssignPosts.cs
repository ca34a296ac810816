using CivicGrid.Accounts;
using CivicGrid.Data;
using CivicGrid.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Safety;

public sealed record AssignPostsRequest(IReadOnlyList<int>? PostIds);

/// <summary>Sets the posts a person of the enterprise (or of one of its teams) holds.</summary>
public sealed class AssignPosts(AppDbContext db)
{
    public async Task<Outcome<int>> HandleAsync(AccessScope scope, int enterpriseId, int personId, AssignPostsRequest request, CancellationToken ct = default)
    {
        var enterprise = await SafetyAccess.EnterpriseAsync(db, scope, enterpriseId, ct);
        if (!enterprise.Succeeded)
        {
            return enterprise.Fail<Organization.Unit, int>();
        }

        var units = await SafetyPeople.UnitIdsAsync(db, enterpriseId, ct);
        if (!await db.People.AnyAsync(p => p.Id == personId && units.Contains(p.UnitId), ct))
        {
            return Outcome<int>.NotFound($"人员 {personId} 不属于本企业。");
        }

        var wanted = (request.PostIds ?? []).Distinct().ToList();
        var known = await db.Set<SafetyPost>().Where(p => p.EnterpriseId == enterpriseId && wanted.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (known.Count != wanted.Count)
        {
            return Outcome<int>.Invalid("postIds", "岗位不存在或不属于本企业：" + string.Join("、", wanted.Except(known)) + "。");
        }

        var current = await db.Set<SafetyPersonPost>().Where(pp => pp.PersonId == personId).ToListAsync(ct);
        db.RemoveRange(current.Where(pp => !wanted.Contains(pp.PostId)));
        db.AddRange(wanted.Where(id => current.All(pp => pp.PostId != id)).Select(id => new SafetyPersonPost { PersonId = personId, PostId = id }));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(personId);
    }
}
